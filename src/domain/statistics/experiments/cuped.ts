import { covariance, mean, variance } from './moments.js';

export interface CupedAdjustment {
  /** y − θ (x − mean(x)): same mean as y, smaller variance when x predicts y. */
  readonly adjusted: Float64Array;
  readonly theta: number;
  /** 1 − var(adjusted) / var(y), which equals ρ²(y, x). */
  readonly varianceReduction: number;
}

/**
 * CUPED (Deng, Xu, Kohavi & Walker 2013): adjusts a post-period outcome y by a pre-period covariate x with
 * θ = cov(y, x) / var(x) estimated on the pooled sample of every arm, so that the same θ is subtracted in each arm
 * and the difference in means stays unbiased (x is measured before the treatment, so its arm means only differ by
 * chance). A constant x carries no information: θ = 0 and y is returned unchanged.
 */
export function cupedAdjust(y: ArrayLike<number>, x: ArrayLike<number>): CupedAdjustment {
  if (y.length !== x.length)
    throw new RangeError(
      `CUPED needs one covariate per outcome (${y.length} outcomes, ${x.length} covariates)`,
    );
  if (y.length < 2) throw new RangeError(`CUPED needs at least 2 observations, got ${y.length}`);
  const varianceX = variance(x);
  const theta = varianceX > 0 ? covariance(y, x) / varianceX : 0;
  const meanX = mean(x);
  const adjusted = Float64Array.from(
    { length: y.length },
    (_, i) => (y[i] as number) - theta * ((x[i] as number) - meanX),
  );
  const varianceY = variance(y);
  const varianceReduction = varianceY > 0 ? 1 - variance(adjusted) / varianceY : 0;
  return { adjusted, theta, varianceReduction };
}
