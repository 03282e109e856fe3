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

/**
 * The customer's tier and score in every run and every change the stream made between runs (with the event that
 * caused it), newest first.
 */
export function tierHistorySql(d: Dialect, customerId: string): SqlQuery {
  return sql(
    `SELECT * FROM (
  SELECT 'run' AS source, r.run_id, r.as_of, s.tier, s.tier_reason, s.score, s.tags,
    CAST(NULL AS VARCHAR) AS cause_event_id, r.finished_at AS happened_at
  FROM ${d.quoteIdent('tier_snapshots')} s
  JOIN ${d.quoteIdent('tiering_runs')} r ON r.run_id = s.run_id
  WHERE s.customer_id = ${d.param(1)}
  UNION ALL
  SELECT 'stream', x.run_id, x.as_of, x.tier, x.tier_reason, x.score, x.tags, x.cause_event_id, x.decided_at
  FROM ${d.quoteIdent('stream_decisions')} x
  WHERE x.customer_id = ${d.param(1)} AND x.changed) AS history
ORDER BY happened_at DESC, source`,
    [customerId],
  );
}

/** The customer's latest stream decision under a run, if the stream decided about it since. */
export function liveDecisionSql(d: Dialect, runId: string, customerId: string): SqlQuery {
  return sql(
    `SELECT tier, tier_reason, score, tags, tag_reasons, as_of, decided_at, cause_event_id
FROM ${d.quoteIdent('stream_decisions')}
WHERE run_id = ${d.param(1)} AND customer_id = ${d.param(2)}
ORDER BY decision_no DESC LIMIT 1`,
    [runId, customerId],
  );
}

/** A run's as-of date (no row when there is no such run). */
export function runAsOfSql(d: Dialect, runId: string): SqlQuery {
  return sql(`SELECT run_id, as_of FROM ${d.quoteIdent('tiering_runs')} WHERE run_id = ${d.param(1)}`, [
    runId,
  ]);
}
