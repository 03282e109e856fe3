import type { ReliabilityBin } from '../../contracts/churn/evaluation.js';

/**
 * Reliability table: the rows sorted by predicted probability and cut into `bins` groups of (almost) equal size
 * (deciles by default), each with its mean prediction and observed positive rate. Equal-count bins keep every
 * row of the table meaningful when most predictions are small, as churn probabilities are.
 */
export function reliabilityBins(p: ArrayLike<number>, y: ArrayLike<number>, bins = 10): ReliabilityBin[] {
  const order = Array.from({ length: p.length }, (_, i) => i).sort(
    (a, b) => (p[a] as number) - (p[b] as number),
  );
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const from = Math.floor((b * order.length) / bins);
    const to = Math.floor(((b + 1) * order.length) / bins);
    if (to === from) continue;
    let predicted = 0;
    let observed = 0;
    for (let k = from; k < to; k++) {
      predicted += p[order[k] as number] as number;
      observed += y[order[k] as number] as number;
    }
    const count = to - from;
    out.push({
      count,
      minPredicted: p[order[from] as number] as number,
      maxPredicted: p[order[to - 1] as number] as number,
      meanPredicted: predicted / count,
      observedRate: observed / count,
    });
  }
  return out;
}

/** Expected calibration error: the row-weighted mean |mean predicted − observed rate| over the bins. */
export function expectedCalibrationError(bins: readonly ReliabilityBin[]): number {
  const rows = bins.reduce((n, b) => n + b.count, 0);
  return bins.reduce((s, b) => s + (b.count / rows) * Math.abs(b.meanPredicted - b.observedRate), 0);
}
