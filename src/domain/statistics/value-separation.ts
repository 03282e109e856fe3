/**
 * How well a ranking (scores, higher = better) separates what customers were actually worth afterwards: the value
 * share of the top, the normalised Gini of the cumulative value curve, and Spearman's rank correlation.
 * Ties in score are broken by position so that every measure is deterministic.
 */

/** Indices ordered by score, highest first; ties keep their input order. */
function byScoreDescending(score: ArrayLike<number>): number[] {
  return Array.from({ length: score.length }, (_, i) => i).sort(
    (i, j) => (score[j] as number) - (score[i] as number) || i - j,
  );
}

/** Share of the total value held by the top `share` (0–1) of customers by score (rounded up to whole customers). */
export function topShare(score: ArrayLike<number>, value: ArrayLike<number>, share: number): number {
  const order = byScoreDescending(score);
  const k = Math.ceil(order.length * share);
  let top = 0;
  let total = 0;
  order.forEach((i, rank) => {
    total += value[i] as number;
    if (rank < k) top += value[i] as number;
  });
  return total === 0 ? 0 : top / total;
}

/** Σ over the ranking of (cumulative value share − cumulative customer share): the area between the curve and the diagonal. */
function giniArea(order: readonly number[], value: ArrayLike<number>): number {
  const n = order.length;
  let total = 0;
  for (const i of order) total += value[i] as number;
  if (total === 0) return 0;
  let cumulative = 0;
  let area = 0;
  order.forEach((i, rank) => {
    cumulative += value[i] as number;
    area += cumulative / total - (rank + 1) / n;
  });
  return area / n;
}

/**
 * The Gini of the value curve ordered by score over that of the perfect order (by value itself): 1 = the ranking
 * orders customers exactly by what they turned out to be worth, 0 = no better than chance, < 0 = worse.
 */
export function normalisedGini(score: ArrayLike<number>, value: ArrayLike<number>): number {
  const perfect = giniArea(byScoreDescending(value), value);
  return perfect === 0 ? 0 : giniArea(byScoreDescending(score), value) / perfect;
}

/** Ranks 1…n with ties given their average rank. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort(
    (i, j) => (values[i] as number) - (values[j] as number),
  );
  const ranks = new Float64Array(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1] as number] === values[order[start] as number])
      end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k] as number] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Pearson correlation (0 when either side is constant). */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] as number;
    mb += b[i] as number;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? 0 : sab / Math.sqrt(saa * sbb);
}

/** Spearman's rank correlation: Pearson's on average ranks (ties handled as scipy.stats.spearmanr does). */
export const spearman = (a: ArrayLike<number>, b: ArrayLike<number>): number =>
  pearson(averageRanks(a), averageRanks(b));
