/**
 * Gini coefficient of non-negative values: the mean absolute difference between all pairs over twice the mean,
 * Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄). 0 when all values are equal, (n − 1) / n when one value holds everything.
 *
 * Computed on the sorted values in O(n log n) as Σᵢ (2i − n − 1) x₍ᵢ₎ / (n Σx), with the terms paired from both ends
 * (x₍ₙ₊₁₋ᵢ₎ − x₍ᵢ₎) so that equal values give exactly 0. Empty or all-zero input gives 0.
 */
export function gini(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  for (const x of sorted) total += x;
  if (total === 0) return 0;
  let weighted = 0;
  for (let i = 0; i < n >> 1; i++) {
    weighted += (n - 1 - 2 * i) * ((sorted[n - 1 - i] as number) - (sorted[i] as number));
  }
  return weighted / (n * total);
}
