import type { Dialect } from '../dialects/dialect.js';
import { placeholders } from '../placeholders.js';
import { sql, type SqlParam, type SqlQuery } from '../query.js';

/** Which of some values of a key column exist in a table (or view), each with another column of its row. */
export interface KeyLookup {
  readonly table: string;
  readonly key: string;
  readonly values: readonly string[];
  /** The column returned with each key found (its owner, its survivor), or null. */
  readonly with: string | null;
}

/**
 * Several lookups in one statement (a round trip instead of one each): rows (lookup, k, c), `lookup` the index of
 * the lookup in `lookups`, `c` its `with` column or NULL. Lookups without values are left out; at least one must
 * have some.
 */
export function lookupKeysSql(d: Dialect, lookups: readonly KeyLookup[]): SqlQuery {
  const q = d.quoteIdent;
  const params: SqlParam[] = [];
  const parts = lookups.flatMap((l, i) => {
    if (l.values.length === 0) return [];
    const list = placeholders(d, l.values.length, params.length + 1);
    params.push(...l.values);
    const c = l.with === null ? 'NULL' : q(l.with);
    return [
      `SELECT ${i} AS lookup, CAST(${q(l.key)} AS VARCHAR) AS k, CAST(${c} AS VARCHAR) AS c FROM ${q(l.table)} WHERE ${q(l.key)} IN (${list})`,
    ];
  });
  if (parts.length === 0) throw new Error('lookupKeysSql needs a lookup with values');
  return sql(parts.join('\nUNION ALL\n'), params);
}
