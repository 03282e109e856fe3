import { assertUnreachable } from '../../../contracts/assert-unreachable.js';
import type { Dialect } from '../../dialects/dialect.js';

/**
 * Small SQL text helpers of the tags-and-policies step. The number formats round half up on the double exactly
 * as src/domain/tiering/tags/format.ts does, so that reasons rendered by the engine and by the domain are the
 * same text (a test runs both).
 */
export const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;

export const num = (d: Dialect, x: number): string =>
  `CAST(${String(x)} AS ${d.columnType({ kind: 'double' })})`;

export const fmtInt = (e: string): string => `CAST(CAST(floor((${e}) + 0.5) AS BIGINT) AS VARCHAR)`;

export const fmtDecimal1 = (e: string): string =>
  `CAST(CAST(floor((${e}) * 10 + 0.5) / 10 AS DECIMAL(18,1)) AS VARCHAR)`;

export const fmtPercent = (e: string): string => fmtInt(`(${e}) * 100`);

export const plural = (e: string, one: string, many: string): string =>
  `CASE WHEN floor((${e}) + 0.5) = 1 THEN ${lit(one)} ELSE ${lit(many)} END`;

const RATINGS = ['C', 'CC', 'CCC', 'B', 'BB', 'BBB', 'A', 'AA', 'AAA'];
export const rating = (e: string): string =>
  `CASE CAST(floor((${e}) + 0.5) AS BIGINT) ${RATINGS.map((r, i) => `WHEN ${i + 1} THEN ${lit(r)}`).join(' ')} ELSE '?' END`;

/** Text concatenation of literal pieces and SQL expressions; `{sql}` marks an expression. */
export const concat = (parts: readonly (string | { readonly sql: string })[]): string =>
  parts.map((p) => (typeof p === 'string' ? lit(p) : `(${p.sql})`)).join(' || ');

/** The half-up integer of a number known when the SQL is built (thresholds quoted in reasons). */
export const jsInt = (x: number): string => String(Math.floor(x + 0.5) + 0);

/** A VARCHAR[] of one literal, an empty VARCHAR[], and membership, per engine. */
export function textArrays(d: Dialect) {
  switch (d.kind) {
    case 'duckdb':
      return {
        one: (s: string) => `[${lit(s)}]`,
        empty: 'CAST([] AS VARCHAR[])',
        contains: (arr: string, s: string) => `COALESCE(list_contains(${arr}, ${lit(s)}), FALSE)`,
      };
    case 'postgres':
      return {
        one: (s: string) => `ARRAY[${lit(s)}]::VARCHAR[]`,
        empty: 'ARRAY[]::VARCHAR[]',
        contains: (arr: string, s: string) => `COALESCE(${lit(s)} = ANY(${arr}), FALSE)`,
      };
    default:
      return assertUnreachable(d.kind, 'engine kind');
  }
}

/** An array of the labels whose conditions hold, in the given order: concatenated one-element arrays. */
export function arrayOf(
  d: Dialect,
  items: readonly { readonly when: string; readonly value: string }[],
): string {
  const a = textArrays(d);
  if (items.length === 0) return a.empty;
  return items.map((i) => `(CASE WHEN ${i.when} THEN ${a.one(i.value)} ELSE ${a.empty} END)`).join(' || ');
}

/** An array of text expressions whose conditions hold, aligned with arrayOf over the same conditions. */
export function arrayOfExpr(
  d: Dialect,
  items: readonly { readonly when: string; readonly expr: string }[],
): string {
  const a = textArrays(d);
  if (items.length === 0) return a.empty;
  const one = d.kind === 'duckdb' ? (e: string) => `[${e}]` : (e: string) => `ARRAY[${e}]::VARCHAR[]`;
  return items.map((i) => `(CASE WHEN ${i.when} THEN ${one(i.expr)} ELSE ${a.empty} END)`).join(' || ');
}
