import type { ScoreReport } from '../../contracts/churn/evaluation.js';
import { expectedCalibrationError, reliabilityBins } from './calibration.js';
import { brierScore, logLoss } from './probability-scores.js';
import { rocAuc } from './roc-auc.js';
import { operatingPoint, topShare } from './threshold-metrics.js';

/** Every measure of probabilities `p` against 0/1 outcomes `y`, flagging at `threshold`. */
export function scoreReport(p: ArrayLike<number>, y: ArrayLike<number>, threshold: number): ScoreReport {
  const calibration = reliabilityBins(p, y);
  const auc = rocAuc(p, y);
  let positives = 0;
  for (let i = 0; i < y.length; i++) positives += y[i] as number;
  return {
    rows: p.length,
    positives,
    auc: Number.isNaN(auc) ? null : auc,
    logLoss: logLoss(p, y),
    brier: brierScore(p, y),
    ece: expectedCalibrationError(calibration),
    operatingPoint: operatingPoint(p, y, threshold),
    topDecile: topShare(p, y, 0.1),
    calibration,
  };
}
