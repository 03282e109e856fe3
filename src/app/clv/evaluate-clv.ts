import { PERIOD_DAYS, type Period } from '../../contracts/clv/periods.js';
import type { ClvEvaluation, FrequencyBucket } from '../../contracts/clv/evaluation.js';
import { daysBetween } from '../../contracts/time/iso-date.js';
import type { FitOptions } from '../../domain/clv/fit.js';
import type { TransactionModelKind } from '../../domain/clv/models.js';
import { expectedPurchases, expectedSpend } from '../../domain/clv/predict.js';
import { pearson } from '../../domain/statistics/value-separation.js';
import { customerSummaries } from './customer-summaries.js';
import { fitSummaries, spendInputs } from './fit-clv.js';
import type { TransactionData } from './transaction-data.js';

export interface EvaluateRequest {
  readonly model: TransactionModelKind;
  readonly calibrationEnd: string;
  readonly holdoutEnd: string;
  readonly period: Period;
  /** Whether the purchases carry amounts (then Gamma-Gamma's spend is checked too). */
  readonly withSpend: boolean;
  readonly fit?: FitOptions;
}

/** Calibration buckets of FHL (2005) figure 4: customers with 0, 1, …, 6 and 7+ repeat purchases. */
const TOP_BUCKET = 7;

/**
 * The calibration/holdout check of a transaction model (and of Gamma-Gamma spend): fitted on the calibration
 * period, its conditional expectations for the holdout are compared with what each customer then bought.
 */
export async function evaluateClv(data: TransactionData, request: EvaluateRequest): Promise<ClvEvaluation> {
  const periodDays = PERIOD_DAYS[request.period];
  const s = await customerSummaries(data.engine, data.engine.dialect, data.source, {
    calibrationEnd: request.calibrationEnd,
    holdoutEnd: request.holdoutEnd,
    periodDays,
  });
  const fit = fitSummaries(s, request.model, request.fit);
  const holdoutLength = daysBetween(request.calibrationEnd, request.holdoutEnd) / periodDays;
  const predicted = expectedPurchases(request.model, fit.params, holdoutLength, s.x, s.tx, s.T);
  const n = s.x.length;

  let sumPredicted = 0;
  let sumActual = 0;
  let absError = 0;
  let squaredError = 0;
  const buckets = Array.from({ length: TOP_BUCKET + 1 }, () => ({ customers: 0, predicted: 0, actual: 0 }));
  for (let i = 0; i < n; i++) {
    const p = predicted[i] as number;
    const a = s.xHoldout[i] as number;
    sumPredicted += p;
    sumActual += a;
    absError += Math.abs(p - a);
    squaredError += (p - a) ** 2;
    const b = buckets[Math.min(s.x[i] as number, TOP_BUCKET)]!;
    b.customers++;
    b.predicted += p;
    b.actual += a;
  }
  const byFrequency: FrequencyBucket[] = buckets.map((b, x) => ({
    x: x === TOP_BUCKET ? `${TOP_BUCKET}+` : String(x),
    customers: b.customers,
    predictedMean: b.customers ? b.predicted / b.customers : 0,
    actualMean: b.customers ? b.actual / b.customers : 0,
  }));

  return {
    model: fit.model,
    params: fit.params,
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    customers: n,
    period: request.period,
    calibration: { from: data.firstDay, to: request.calibrationEnd },
    holdout: { from: request.calibrationEnd, to: request.holdoutEnd, length: holdoutLength },
    repeatPurchases: { predicted: sumPredicted, actual: sumActual, ratio: sumPredicted / sumActual },
    byFrequency,
    perCustomer: {
      meanAbsoluteError: absError / n,
      rootMeanSquaredError: Math.sqrt(squaredError / n),
      correlation: pearson(predicted, s.xHoldout),
    },
    spend: request.withSpend ? spendCheck(s, predicted) : null,
  };

  function spendCheck(summaries: typeof s, purchases: Float64Array): ClvEvaluation['spend'] {
    const gg = fitSummaries(summaries, 'gamma_gamma', request.fit);
    const { x, zbar } = spendInputs(summaries);
    const spend = expectedSpend(gg.params, x, zbar);
    let revenuePredicted = 0;
    let revenueActual = 0;
    for (let i = 0; i < n; i++) {
      revenuePredicted += (purchases[i] as number) * (spend[i] as number);
      revenueActual += summaries.amountHoldout[i] as number;
    }
    return {
      params: gg.params,
      repeatBuyers: gg.customers,
      revenue: {
        predicted: revenuePredicted,
        actual: revenueActual,
        ratio: revenuePredicted / revenueActual,
      },
    };
  }
}
