import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

export interface MdeInput {
  /** Standard deviation of the outcome per unit. */
  readonly sd: number;
  readonly nControl: number;
  readonly nTreatment: number;
  /** Two-sided significance level (default 0.05). */
  readonly alpha?: number;
  /** Probability of detecting an effect of the returned size (default 0.8). */
  readonly power?: number;
  /** Share of the variance CUPED removes, ρ² of outcome and covariate (default 0). */
  readonly varianceReduction?: number;
}

/**
 * Minimum detectable effect of a two-arm difference in means, normal approximation:
 * (z_{1−α/2} + z_{power})·σ·√(1 − r)·√(1/n₁ + 1/n₂), r the CUPED variance reduction (Deng et al. 2013).
 */
export function minimumDetectableEffect(input: MdeInput): number {
  const { sd, nControl, nTreatment, alpha = 0.05, power = 0.8, varianceReduction = 0 } = input;
  if (!(sd >= 0 && Number.isFinite(sd))) throw new RangeError(`sd must be non-negative, got ${sd}`);
  if (!(nControl > 0 && nTreatment > 0))
    throw new RangeError(`both arms need units (control ${nControl}, treatment ${nTreatment})`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`power must be in (0, 1), got ${power}`);
  if (!(varianceReduction >= 0 && varianceReduction < 1))
    throw new RangeError(`variance reduction must be in [0, 1), got ${varianceReduction}`);
  const z = normalQuantile(1 - alpha / 2, 0, 1) + normalQuantile(power, 0, 1);
  return z * sd * Math.sqrt(1 - varianceReduction) * Math.sqrt(1 / nControl + 1 / nTreatment);
}
