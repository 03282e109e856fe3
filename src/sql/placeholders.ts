import type { Dialect } from './dialects/dialect.js';

/** `count` positional placeholders from `$first` on, comma-separated: the inside of an `IN (…)` list. */
export const placeholders = (d: Dialect, count: number, first = 1): string =>
  Array.from({ length: count }, (_, i) => d.param(first + i)).join(', ');

/** `VALUES (CAST($first AS VARCHAR)), …`: `count` text parameters as rows of one column. */
export const textValues = (d: Dialect, count: number, first = 1): string =>
  `VALUES ${Array.from({ length: count }, (_, i) => `(CAST(${d.param(first + i)} AS VARCHAR))`).join(', ')}`;
