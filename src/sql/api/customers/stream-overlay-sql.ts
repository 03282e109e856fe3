import type { Dialect } from '../../dialects/dialect.js';
import { sql, type SqlQuery } from '../../query.js';
import { latestDecisionsSql } from '../../stream/latest-decisions-sql.js';

/**
 * Each customer's latest stream decision under a run among those decided at or after `from` (ISO 8601; null for
 * all of them): what the tier lookups' in-memory overlay reads.
 */
export function streamOverlaySql(d: Dialect, runId: string, from: string | null): SqlQuery {
  const since = from === null ? '' : `AND decided_at >= CAST(${d.param(2)} AS TIMESTAMPTZ)`;
  const columns = ['customer_id', 'decision_no', 'tier', 'score', 'tags', 'decided_at', 'cause_event_id'];
  return sql(latestDecisionsSql(d.param(1), columns, since), from === null ? [runId] : [runId, from]);
}
