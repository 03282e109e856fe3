import type { WeightedNormalisation } from '../../../contracts/tiering/model-terms.js';

/**
 * Normalisers over one feature column, with the semantics of the SQL they mirror: NULLs take no part in the
 * statistics and come out NULL (callers substitute the neutral value).
 */

type Column = readonly (number | null)[];

const nonNull = (xs: Column): number[] => xs.filter((x): x is number => x !== null);

/**
 * SQL percent_rank over the non-NULL values: (rank − 1) / (n − 1), ties sharing the lowest rank, 0 when n = 1.
 * `desc` ranks the highest value first (rank 1).
 */
export function percentRanks(xs: Column, order: 'asc' | 'desc' = 'asc'): (number | null)[] {
  const sorted = nonNull(xs).sort((a, b) => (order === 'asc' ? a - b : b - a));
  const n = sorted.length;
  const before = (x: number): number => {
    // Values strictly before x in the order: binary search for the first position not before x.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = sorted[mid] as number;
      if (order === 'asc' ? v < x : v > x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return xs.map((x) => (x === null ? null : n <= 1 ? 0 : before(x) / (n - 1)));
}

/** Continuous quantile (percentile_cont) of sorted values: linear interpolation at q·(n − 1). */
export function quantileCont(sortedAsc: readonly number[], q: number): number | null {
  const n = sortedAsc.length;
  if (n === 0) return null;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sortedAsc[lo] as number;
  const b = sortedAsc[hi] as number;
  return lo === hi ? a : a + (b - a) * (pos - lo);
}

export interface Winsorize {
  readonly lower: number;
  readonly upper: number;
}

/** Min-max scaling between the winsorising quantiles, values clipped to them; 0.5 when they coincide. */
export function minMax(xs: Column, w: Winsorize): (number | null)[] {
  const sorted = nonNull(xs).sort((a, b) => a - b);
  const lo = quantileCont(sorted, w.lower);
  const hi = quantileCont(sorted, w.upper);
  return xs.map((x) => {
    if (x === null || lo === null || hi === null) return null;
    if (hi === lo) return 0.5;
    return (Math.min(Math.max(x, lo), hi) - lo) / (hi - lo);
  });
}

/** z-score with the population standard deviation; 0 when it is 0. */
export function zScores(xs: Column): (number | null)[] {
  const vs = nonNull(xs);
  const n = vs.length;
  if (n === 0) return xs.map(() => null);
  const mean = vs.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(vs.reduce((s, v) => s + (v - mean) * (v - mean), 0) / n);
  return xs.map((x) => (x === null ? null : sd === 0 ? 0 : (x - mean) / sd));
}

/** Neutral value of a normaliser, given to NULL features. */
export const NEUTRAL: Readonly<Record<WeightedNormalisation, number>> = {
  percentile: 0.5,
  minmax: 0.5,
  zscore: 0,
};

/** A weighted term's values, better-is-higher: lower-is-better features flipped (1 − v, or −z), NULL neutral. */
export function normaliseTerm(
  xs: Column,
  kind: WeightedNormalisation,
  flipped: boolean,
  w: Winsorize,
): number[] {
  const raw = kind === 'percentile' ? percentRanks(xs) : kind === 'minmax' ? minMax(xs, w) : zScores(xs);
  return raw.map((v) => {
    if (v === null) return NEUTRAL[kind];
    if (!flipped) return v;
    return kind === 'zscore' ? -v : 1 - v;
  });
}
