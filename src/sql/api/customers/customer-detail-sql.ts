import type { CustomerScope } from '../../../contracts/access/principal.js';
import type { Dialect } from '../../dialects/dialect.js';
import { sql, type SqlQuery } from '../../query.js';
import { customerColumnsSql, customerRowsFromSql } from './customer-rows-sql.js';
import { scopeConditionSql } from './scope-sql.js';
import { SqlParams } from './sql-params.js';

/** One customer's row in a run, if it is in the run and within the caller's scope. */
export function customerRowSql(
  d: Dialect,
  q: { runId: string; customerId: string; scope: CustomerScope; personalVisible: boolean },
): SqlQuery {
  const p = new SqlParams(d);
  return sql(
    `SELECT ${customerColumnsSql(d, q.personalVisible)}
${customerRowsFromSql(d)}
WHERE s.run_id = ${p.add(q.runId)} AND s.customer_id = ${p.add(q.customerId)} AND ${scopeConditionSql(q.scope, p)}`,
    p.values,
  );
}

/** The customer's tier and score in every run, newest first. */
export function tierHistorySql(d: Dialect, customerId: string): SqlQuery {
  return sql(
    `SELECT r.run_id, r.as_of, s.tier, s.tier_reason, s.score, s.tags
FROM ${d.quoteIdent('tier_snapshots')} s
JOIN ${d.quoteIdent('tiering_runs')} r ON r.run_id = s.run_id
WHERE s.customer_id = ${d.param(1)}
ORDER BY r.as_of DESC, r.finished_at DESC`,
    [customerId],
  );
}

/** A run's as-of date (no row when there is no such run). */
export function runAsOfSql(d: Dialect, runId: string): SqlQuery {
  return sql(`SELECT run_id, as_of FROM ${d.quoteIdent('tiering_runs')} WHERE run_id = ${d.param(1)}`, [
    runId,
  ]);
}
