/**
 * Number formats of tag reasons. Each rounds half up on the binary double exactly as the SQL builder does
 * (`floor(x * 10 + 0.5)`), so that reasons rendered here and in the engine are the same text.
 */

/** Nearest integer, halves up: 41.5 → "42". */
export const formatInt = (x: number): string => String(Math.floor(x + 0.5) + 0);

/** One decimal, halves up: 4.05 → "4.1" (modulo binary representation, identically to the engine). */
export const formatDecimal1 = (x: number): string => (Math.floor(x * 10 + 0.5) / 10).toFixed(1);

/** A 0–1 share or a ratio as whole percent: 0.615 → "62". */
export const formatPercent = (x: number): string => formatInt(x * 100);

/** "1 open dispute", "2 open disputes": plural by the rounded count. */
export const plural = (count: number, one: string, many: string): string =>
  Math.floor(count + 0.5) === 1 ? one : many;

/** Credit ratings by score (AAA = 9 … C = 1), as in the feature catalogue. */
export const RATING_BY_SCORE = ['C', 'CC', 'CCC', 'B', 'BB', 'BBB', 'A', 'AA', 'AAA'] as const;

/** The rating letter of a score rounded to the nearest integer, or "?" outside 1–9. */
export const ratingOf = (score: number): string => RATING_BY_SCORE[Math.floor(score + 0.5) - 1] ?? '?';
