import type { WeightedNormalisation } from '../../../contracts/tiering/model-terms.js';
import { partitionPoint } from './partition-point.js';

/**
 * Normalisers over one feature column, with the semantics of the SQL they mirror: NULLs take no part in the
 * statistics and come out NULL (callers substitute the neutral value).
 */

type Column = readonly (number | null)[];

const nonNull = (xs: Column): number[] => xs.filter((x): x is number => x !== null);

/** `desc` ranks the highest value first. */
export type RankOrder = 'asc' | 'desc';

/** percent_rank of a value with `before` values strictly before it among n: (rank − 1) / (n − 1), 0 when n = 1. */
export const percentRankOf = (before: number, n: number): number => (n <= 1 ? 0 : before / (n - 1));

/**
 * SQL percent_rank over the non-NULL values: (rank − 1) / (n − 1), ties sharing the lowest rank, 0 when n = 1.
 * `desc` ranks the highest value first (rank 1).
 */
export function percentRanks(xs: Column, order: RankOrder = 'asc'): (number | null)[] {
  const sorted = nonNull(xs).sort((a, b) => (order === 'asc' ? a - b : b - a));
  const n = sorted.length;
  const before = (x: number): number =>
    partitionPoint(n, (i) => (order === 'asc' ? (sorted[i] as number) < x : (sorted[i] as number) > x));
  return xs.map((x) => (x === null ? null : percentRankOf(before(x), n)));
}

/** Continuous quantile (percentile_cont) of sorted values: linear interpolation at q·(n − 1). */
export function quantileCont(sortedAsc: ArrayLike<number>, q: number): number | null {
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

/** The winsorising quantiles between which min-max scaling clips and scales. */
export interface MinMaxRange {
  readonly lo: number;
  readonly hi: number;
}

/** The winsorising quantiles of sorted non-NULL values; null when there are none. */
export function minMaxRange(sortedAsc: ArrayLike<number>, w: Winsorize): MinMaxRange | null {
  const lo = quantileCont(sortedAsc, w.lower);
  const hi = quantileCont(sortedAsc, w.upper);
  return lo === null || hi === null ? null : { lo, hi };
}

/** A value clipped to the range and scaled to [0, 1]; 0.5 when the quantiles coincide. */
export const minMaxScale = (x: number, { lo, hi }: MinMaxRange): number =>
  hi === lo ? 0.5 : (Math.min(Math.max(x, lo), hi) - lo) / (hi - lo);

/** Min-max scaling between the winsorising quantiles, values clipped to them; 0.5 when they coincide. */
export function minMax(xs: Column, w: Winsorize): (number | null)[] {
  const range = minMaxRange(
    nonNull(xs).sort((a, b) => a - b),
    w,
  );
  return xs.map((x) => (x === null || range === null ? null : minMaxScale(x, range)));
}

/** Mean and population standard deviation. */
export interface Moments {
  readonly mean: number;
  readonly sd: number;
}

/** Moments of non-NULL values, summed in the order given (the order changes the rounding); null when empty. */
export function moments(values: readonly number[]): Moments | null {
  const n = values.length;
  if (n === 0) return null;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) * (v - mean), 0) / n);
  return { mean, sd };
}

/** z-score against given moments; 0 when the deviation is 0. */
export const zScore = (x: number, { mean, sd }: Moments): number => (sd === 0 ? 0 : (x - mean) / sd);

/** z-score with the population standard deviation; 0 when it is 0. */
export function zScores(xs: Column): (number | null)[] {
  const m = moments(nonNull(xs));
  return xs.map((x) => (x === null || m === null ? null : zScore(x, m)));
}

/** Neutral value of a normaliser, given to NULL features. */
export const NEUTRAL: Readonly<Record<WeightedNormalisation, number>> = {
  percentile: 0.5,
  minmax: 0.5,
  zscore: 0,
};

/** A normalised value made better-is-higher: lower-is-better features flipped (1 − v, or −z), NULL neutral. */
export function orientTerm(v: number | null, kind: WeightedNormalisation, flipped: boolean): number {
  if (v === null) return NEUTRAL[kind];
  if (!flipped) return v;
  return kind === 'zscore' ? -v : 1 - v;
}

/** A weighted term's values, better-is-higher: lower-is-better features flipped (1 − v, or −z), NULL neutral. */
export function normaliseTerm(
  xs: Column,
  kind: WeightedNormalisation,
  flipped: boolean,
  w: Winsorize,
): number[] {
  const raw = kind === 'percentile' ? percentRanks(xs) : kind === 'minmax' ? minMax(xs, w) : zScores(xs);
  return raw.map((v) => orientTerm(v, kind, flipped));
}
