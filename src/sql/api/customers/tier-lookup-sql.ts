import type { CustomerScope } from '../../../contracts/access/principal.js';
import type { Dialect } from '../../dialects/dialect.js';
import { sql, type SqlQuery } from '../../query.js';
import { scopeConditionSql } from './scope-sql.js';
import { SqlParams } from './sql-params.js';

/** Separates the ids of a batch in one text parameter (ids never contain control characters). */
export const ID_SEPARATOR = '\u001f';

/**
 * What a lookup answers: the run's snapshot row, or the customer's current state after the run (its latest stream
 * decision under the run, else the snapshot row).
 */
export type LookupState = 'snapshot' | 'current';

/** The owner join only when the scope needs it: unscoped lookups read the snapshot alone. */
const ownerJoin = (d: Dialect, scope: CustomerScope) =>
  scope.kind === 'team' || scope.kind === 'rep'
    ? `JOIN ${d.quoteIdent('customer_owners_clean')} o ON o.customer_id = s.customer_id`
    : '';

/**
 * The snapshot rows of the run whose customer_id matches `customerCondition` and, for the current state, their
 * stream decisions under the run: rows of (customer_id, tier, score, tags, source, decided_at, cause_event_id,
 * decision_no), where the snapshot's decision_no is 0, so a customer's highest decision_no is its state.
 */
function statesSql(d: Dialect, run: string, customerCondition: string, state: LookupState): string {
  const snapshot = `SELECT customer_id, tier, score, tags, 'run' AS source, CAST(NULL AS TIMESTAMPTZ) AS decided_at,
  CAST(NULL AS VARCHAR) AS cause_event_id, 0 AS decision_no
FROM ${d.quoteIdent('tier_snapshots')} WHERE run_id = ${run} AND customer_id ${customerCondition}`;
  if (state === 'snapshot') return snapshot;
  return `${snapshot}
UNION ALL
SELECT customer_id, tier, score, tags, 'stream', decided_at, cause_event_id, decision_no
FROM ${d.quoteIdent('stream_decisions')} WHERE run_id = ${run} AND customer_id ${customerCondition}`;
}

const STATE_COLUMNS = 's.customer_id, s.tier, s.score, s.tags, s.source, s.decided_at, s.cause_event_id';

/**
 * The tier of one customer id in a run: point lookups on the snapshot's key (run_id, customer_id) and, for the
 * current state, on stream_decisions' key (customer_id, decision_no). A merged duplicate id finds nothing here;
 * callers then look up its survivor.
 */
export function tierLookupSql(
  d: Dialect,
  runId: string,
  customerId: string,
  scope: CustomerScope,
  state: LookupState,
): SqlQuery {
  const p = new SqlParams(d);
  const run = p.add(runId);
  const id = p.add(customerId);
  return sql(
    `SELECT ${STATE_COLUMNS} FROM (${statesSql(d, run, `= ${id}`, state)}) AS s ${ownerJoin(d, scope)}
WHERE ${scopeConditionSql(scope, p)}
ORDER BY s.decision_no DESC LIMIT 1`,
    p.values,
  );
}

/**
 * Tiers of many ids in one statement: each asked id (merged duplicates through their survivor) with its state
 * after the run; ids not in the run or out of scope have no row.
 */
export function tierBatchSql(
  d: Dialect,
  runId: string,
  ids: readonly string[],
  scope: CustomerScope,
  state: LookupState,
): SqlQuery {
  const p = new SqlParams(d);
  const run = p.add(runId);
  const asked = d.splitText(p.add(ids.join(ID_SEPARATOR)), ID_SEPARATOR);
  return sql(
    `WITH asked AS (SELECT DISTINCT unnest(${asked}) AS asked_id),
units AS (
  SELECT a.asked_id, COALESCE(m.survivor_id, a.asked_id) AS customer_id
  FROM asked a LEFT JOIN ${d.quoteIdent('customer_merges')} m ON m.customer_id = a.asked_id),
states AS (
  SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY decision_no DESC) AS state_rank
  FROM (${statesSql(d, run, 'IN (SELECT customer_id FROM units)', state)}) AS all_states)
SELECT u.asked_id, ${STATE_COLUMNS}
FROM units u
JOIN states s ON s.customer_id = u.customer_id AND s.state_rank = 1
${ownerJoin(d, scope)}
WHERE ${scopeConditionSql(scope, p)}`,
    p.values,
  );
}

/** Every customer's tier in a run, at most `limit` rows (to fill a lookup cache when the run is small enough). */
export function runTiersSql(d: Dialect, runId: string, limit: number): SqlQuery {
  return sql(
    `SELECT customer_id, tier, score, tags FROM ${d.quoteIdent('tier_snapshots')} WHERE run_id = ${d.param(1)} LIMIT ${d.param(2)}`,
    [runId, limit],
  );
}
