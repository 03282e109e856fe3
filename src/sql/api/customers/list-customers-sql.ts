import type { CustomerScope } from '../../../contracts/access/principal.js';
import type { TagName, Tier } from '../../../contracts/tiering/tiers.js';
import type { Dialect } from '../../dialects/dialect.js';
import { sql, type SqlQuery } from '../../query.js';
import { customerColumnsSql, customerRowsFromSql } from './customer-rows-sql.js';
import { scopeConditionSql } from './scope-sql.js';
import { SqlParams } from './sql-params.js';

export interface CustomerFilter {
  readonly tier?: Tier | undefined;
  readonly tag?: TagName | undefined;
  readonly city?: string | undefined;
  readonly district?: string | undefined;
  /** customer_type: single or chain. */
  readonly type?: string | undefined;
  readonly cuisine?: string | undefined;
  /** The owner's rep_id. */
  readonly owner?: string | undefined;
  readonly team?: string | undefined;
  readonly scoreMin?: number | undefined;
  readonly scoreMax?: number | undefined;
  /** Case-insensitive substring of the name (normalised or as imported) or the customer id. */
  readonly q?: string | undefined;
}

export const SORT_KEYS = ['score', 'name', 'monetary', 'recency'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** Never NULL, so that keyset pagination can compare it: missing values sort as the worst ones. */
const SORT_EXPRESSIONS: Readonly<Record<SortKey, string>> = {
  score: 'COALESCE(s.score, -1e300)',
  name: "COALESCE(c.name, s.name, '')",
  monetary: 'COALESCE(s.monetary, -1e300)',
  recency: 'COALESCE(s.recency_days, 1e300)',
};

/** Whether a sort key's values are text (else numbers); a cursor's value must have the same kind. */
export const sortKeyIsText = (key: SortKey): boolean => key === 'name';

export interface CustomerListQuery {
  readonly runId: string;
  readonly scope: CustomerScope;
  readonly personalVisible: boolean;
  readonly filter: CustomerFilter;
  readonly sort: SortKey;
  readonly direction: SortDirection;
  /** The sort value and id of the last row of the previous page. */
  readonly after: { readonly value: string | number; readonly id: string } | null;
  /** Rows to return (callers ask for one more than a page to know whether another follows). */
  readonly limit: number;
}

/** The conditions of the filters, every value a parameter. */
export function filterConditionsSql(filter: CustomerFilter, p: SqlParams): string[] {
  const where: string[] = [];
  if (filter.tier !== undefined) where.push(`s.tier = ${p.add(filter.tier)}`);
  if (filter.tag !== undefined) where.push(`array_position(s.tags, ${p.add(filter.tag)}) IS NOT NULL`);
  if (filter.city !== undefined) where.push(`COALESCE(s.city, c.city) = ${p.add(filter.city)}`);
  if (filter.district !== undefined)
    where.push(`COALESCE(s.district, c.district) = ${p.add(filter.district)}`);
  if (filter.type !== undefined)
    where.push(`COALESCE(s.customer_type, c.customer_type) = ${p.add(filter.type)}`);
  if (filter.cuisine !== undefined) where.push(`COALESCE(s.cuisine, c.cuisine) = ${p.add(filter.cuisine)}`);
  if (filter.owner !== undefined) where.push(`o.rep_id = ${p.add(filter.owner)}`);
  if (filter.team !== undefined) where.push(`o.team = ${p.add(filter.team)}`);
  if (filter.scoreMin !== undefined) where.push(`s.score >= ${p.add(filter.scoreMin)}`);
  if (filter.scoreMax !== undefined) where.push(`s.score <= ${p.add(filter.scoreMax)}`);
  if (filter.q !== undefined) {
    const needle = p.add(filter.q.toLowerCase());
    where.push(
      `(strpos(lower(COALESCE(c.name, s.name, '')), ${needle}) > 0 OR strpos(lower(COALESCE(c.raw_name, '')), ${needle}) > 0 OR strpos(lower(s.customer_id), ${needle}) > 0)`,
    );
  }
  return where;
}

/** One page of a run's customers, filtered, scoped, sorted with customer_id as tie-break, after a keyset cursor. */
export function listCustomersSql(d: Dialect, q: CustomerListQuery): SqlQuery {
  const p = new SqlParams(d);
  const key = SORT_EXPRESSIONS[q.sort];
  const where = [
    `s.run_id = ${p.add(q.runId)}`,
    scopeConditionSql(q.scope, p),
    ...filterConditionsSql(q.filter, p),
  ];
  const cmp = q.direction === 'asc' ? '>' : '<';
  if (q.after) {
    const value = p.add(q.after.value);
    const id = p.add(q.after.id);
    where.push(`(${key} ${cmp} ${value} OR (${key} = ${value} AND s.customer_id ${cmp} ${id}))`);
  }
  const dir = q.direction === 'asc' ? 'ASC' : 'DESC';
  return sql(
    `SELECT ${customerColumnsSql(d, q.personalVisible)},
  ${key} AS sort_value
${customerRowsFromSql(d)}
WHERE ${where.join('\n  AND ')}
ORDER BY sort_value ${dir}, s.customer_id ${dir}
LIMIT ${p.add(q.limit)}`,
    p.values,
  );
}
