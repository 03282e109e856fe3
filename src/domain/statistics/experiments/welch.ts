import type { EffectEstimate } from './effect-estimate.js';
import { studentInference } from './inference.js';
import { mean, variance } from './moments.js';

/**
 * Welch's unequal-variances t interval for mean(treatment) − mean(control) (Welch 1947), with the
 * Welch–Satterthwaite degrees of freedom; the same as R's default `t.test(x, y)`.
 */
export function welchDifference(
  treatment: ArrayLike<number>,
  control: ArrayLike<number>,
  confidence = 0.95,
): EffectEstimate {
  const nT = treatment.length;
  const nC = control.length;
  if (nT < 2 || nC < 2)
    throw new RangeError(`Welch's test needs at least 2 values per arm (treatment ${nT}, control ${nC})`);
  const meanT = mean(treatment);
  const meanC = mean(control);
  const vT = variance(treatment) / nT;
  const vC = variance(control) / nC;
  const standardError = Math.sqrt(vT + vC);
  // With no variance in either arm the Satterthwaite ratio is 0/0; the pooled df is the natural limit to report.
  const df = standardError === 0 ? nT + nC - 2 : (vT + vC) ** 2 / (vT ** 2 / (nT - 1) + vC ** 2 / (nC - 1));
  const estimate = meanT - meanC;
  return {
    estimate,
    standardError,
    df,
    ...studentInference(estimate, standardError, df, confidence),
    n: { control: nC, treatment: nT },
    means: { control: meanC, treatment: meanT },
  };
}
