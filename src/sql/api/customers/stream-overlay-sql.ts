import type { Dialect } from '../../dialects/dialect.js';
import { sql, type SqlQuery } from '../../query.js';

/**
 * Each customer's latest stream decision under a run among those decided at or after `from` (ISO 8601; null for
 * all of them): what the tier lookups' in-memory overlay reads.
 */
export function streamOverlaySql(d: Dialect, runId: string, from: string | null): SqlQuery {
  const since = from === null ? '' : `AND decided_at >= CAST(${d.param(2)} AS TIMESTAMPTZ)`;
  const columns = 'customer_id, decision_no, tier, score, tags, decided_at, cause_event_id';
  return sql(
    `SELECT ${columns} FROM (
  SELECT ${columns}, row_number() OVER (PARTITION BY customer_id ORDER BY decision_no DESC) AS decision_rank
  FROM ${d.quoteIdent('stream_decisions')} WHERE run_id = ${d.param(1)} ${since}) AS latest_decision
WHERE decision_rank = 1`,
    from === null ? [runId] : [runId, from],
  );
}
