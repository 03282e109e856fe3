import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

export interface Inference {
  readonly ciLow: number;
  readonly ciHigh: number;
  /** Two-sided. */
  readonly pValue: number;
}

export function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
}

/**
 * Interval and two-sided p-value of estimate / standardError against a distribution given by its CDF and quantile.
 * A zero standard error (every value equal in each arm) leaves a point interval and p = 1 for a zero estimate,
 * 0 otherwise, instead of 0/0.
 */
function infer(
  estimate: number,
  standardError: number,
  confidence: number,
  cdf: (x: number) => number,
  quantile: (p: number) => number,
): Inference {
  assertConfidence(confidence);
  if (standardError === 0) return { ciLow: estimate, ciHigh: estimate, pValue: estimate === 0 ? 1 : 0 };
  const half = quantile(1 - (1 - confidence) / 2) * standardError;
  // The lower tail keeps small p-values exact, where 1 − cdf would round them to 0.
  const pValue = 2 * cdf(-Math.abs(estimate / standardError));
  return { ciLow: estimate - half, ciHigh: estimate + half, pValue: Math.min(1, pValue) };
}

export const studentInference = (
  estimate: number,
  standardError: number,
  df: number,
  confidence: number,
): Inference =>
  infer(
    estimate,
    standardError,
    confidence,
    (x) => tCdf(x, df),
    (p) => tQuantile(p, df),
  );

export const normalInference = (estimate: number, standardError: number, confidence: number): Inference =>
  infer(
    estimate,
    standardError,
    confidence,
    (x) => normalCdf(x, 0, 1),
    (p) => normalQuantile(p, 0, 1),
  );
