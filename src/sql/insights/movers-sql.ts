import type { CustomerScope } from '../../contracts/access/principal.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { scopeConditionSql } from '../api/customers/scope-sql.js';
import { SqlParams } from '../api/customers/sql-params.js';

export interface MoversQuery {
  readonly fromRunId: string;
  readonly toRunId: string;
  /** A tier, 'new' or 'excluded'; undefined = any. */
  readonly fromKey?: string | undefined;
  /** A tier, 'gone' or 'excluded'; undefined = any. */
  readonly toKey?: string | undefined;
  readonly scope: CustomerScope;
  /** Customers whose id sorts after this one (keyset paging). */
  readonly afterId: string | null;
  readonly limit: number;
}

/**
 * The customers of the migration matrix between two runs (keys as in migrationSql), scoped to the caller through
 * their owner `o`, by customer id. Without fromKey and toKey, only those whose key changed.
 */
export function moversSql(d: Dialect, q: MoversQuery): SqlQuery {
  const p = new SqlParams(d);
  const cols = 'customer_id, tier, score, name, city, district, monetary';
  const a = `SELECT ${cols} FROM tier_snapshots WHERE run_id = ${p.add(q.fromRunId)}`;
  const b = `SELECT ${cols} FROM tier_snapshots WHERE run_id = ${p.add(q.toRunId)}`;
  const where: string[] = [scopeConditionSql(q.scope, p)];
  if (q.fromKey !== undefined) where.push(`m.from_tier = ${p.add(q.fromKey)}`);
  if (q.toKey !== undefined) where.push(`m.to_tier = ${p.add(q.toKey)}`);
  if (q.fromKey === undefined && q.toKey === undefined) where.push('m.from_tier <> m.to_tier');
  if (q.afterId !== null) where.push(`m.customer_id > ${p.add(q.afterId)}`);
  return sql(
    `WITH m AS (
  SELECT coalesce(a.customer_id, b.customer_id) AS customer_id,
         coalesce(a.tier, CASE WHEN a.customer_id IS NULL THEN 'new' ELSE 'excluded' END) AS from_tier,
         coalesce(b.tier, CASE WHEN b.customer_id IS NULL THEN 'gone' ELSE 'excluded' END) AS to_tier,
         a.score AS from_score, b.score AS to_score,
         coalesce(b.name, a.name) AS name, coalesce(b.city, a.city) AS city,
         coalesce(b.district, a.district) AS district,
         CASE WHEN b.customer_id IS NULL THEN a.monetary ELSE b.monetary END AS monetary
  FROM (${a}) a FULL OUTER JOIN (${b}) b ON a.customer_id = b.customer_id
)
SELECT m.customer_id, COALESCE(c.name, m.name) AS name, m.from_tier, m.to_tier, m.from_score, m.to_score,
       COALESCE(m.city, c.city) AS city, COALESCE(m.district, c.district) AS district, m.monetary,
       o.rep_id, o.rep_name, o.team
FROM m
LEFT JOIN ${d.quoteIdent('customers_clean')} c ON c.customer_id = m.customer_id
LEFT JOIN ${d.quoteIdent('customer_owners_clean')} o ON o.customer_id = m.customer_id
WHERE ${where.join('\n  AND ')}
ORDER BY m.customer_id
LIMIT ${p.add(q.limit)}`,
    p.values,
  );
}
