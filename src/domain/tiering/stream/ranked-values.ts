import type { FeatureName, FeatureVector } from '../../../contracts/tiering/features.js';
import { percentRankOf, type RankOrder } from '../scoring/normalise.js';
import { partitionPoint } from '../scoring/partition-point.js';

/**
 * One feature over a frozen population, for percentile ranks: its non-NULL values sorted ascending, and each
 * customer's own value by row (NaN for NULL) so that a rank can leave the customer's old value out.
 */
export interface RankedValues {
  readonly sorted: Float64Array;
  readonly own: Float64Array;
}

export function rankedValues(rows: readonly FeatureVector[], feature: FeatureName): RankedValues {
  const own = new Float64Array(rows.length);
  let present = 0;
  rows.forEach((r, i) => {
    const v = r[feature];
    own[i] = v ?? NaN;
    if (v !== null) present++;
  });
  const sorted = new Float64Array(present);
  let next = 0;
  for (const v of own) if (!Number.isNaN(v)) sorted[next++] = v;
  return { sorted: sorted.sort(), own };
}

/**
 * percent_rank of x in the population whose row `row` (undefined for a customer it lacks) holds x instead of its
 * own value: the other customers' values strictly before x, over their count; 0 when there are none.
 */
export function percentRankAgainst(
  values: RankedValues,
  row: number | undefined,
  x: number,
  order: RankOrder,
): number {
  const { sorted } = values;
  const n = sorted.length;
  const before =
    order === 'asc'
      ? partitionPoint(n, (i) => (sorted[i] as number) < x)
      : n - partitionPoint(n, (i) => (sorted[i] as number) <= x);
  const own = row === undefined ? NaN : (values.own[row] as number);
  if (Number.isNaN(own)) return percentRankOf(before, n + 1);
  const ownBefore = order === 'asc' ? own < x : own > x;
  return percentRankOf(before - (ownBefore ? 1 : 0), n);
}
