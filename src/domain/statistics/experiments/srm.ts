import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';

export interface SampleRatioCheck {
  readonly chiSquare: number;
  readonly df: number;
  readonly pValue: number;
  /** pValue < alpha: the split differs from the design more than chance allows; distrust the results. */
  readonly mismatch: boolean;
  /** Units expected per variant under the design weights. */
  readonly expected: number[];
}

/**
 * Sample ratio mismatch (Fabijan et al. 2019; Kohavi, Tang & Xu 2020, ch. 21): Pearson's χ² goodness of fit of the
 * units per variant against the design weights (rescaled to sum to 1), with k − 1 degrees of freedom. The default
 * alpha of 0.001 is the conventional SRM threshold: the test runs on every experiment, so it must rarely cry wolf.
 */
export function sampleRatioMismatch(
  counts: readonly number[],
  weights: readonly number[],
  alpha = 0.001,
): SampleRatioCheck {
  if (counts.length !== weights.length)
    throw new RangeError(`one weight per variant: ${counts.length} counts, ${weights.length} weights`);
  if (counts.length < 2) throw new RangeError('a sample ratio check needs at least 2 variants');
  if (weights.some((w) => !(w > 0))) throw new RangeError('design weights must be positive');
  if (counts.some((c) => !(c >= 0))) throw new RangeError('counts must be non-negative');
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  const total = counts.reduce((sum, c) => sum + c, 0);
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const expected = weights.map((w) => (total * w) / totalWeight);
  const df = counts.length - 1;
  if (total === 0) return { chiSquare: 0, df, pValue: 1, mismatch: false, expected };
  const chiSquare = counts.reduce((sum, c, i) => {
    const e = expected[i] as number;
    return sum + (c - e) ** 2 / e;
  }, 0);
  const pValue = 1 - chisquareCdf(chiSquare, df);
  return { chiSquare, df, pValue, mismatch: pValue < alpha, expected };
}
