import type { CustomerScope } from '../../../contracts/access/principal.js';
import type { Dialect } from '../../dialects/dialect.js';
import { sql, type SqlQuery } from '../../query.js';
import { scopeConditionSql } from './scope-sql.js';
import { SqlParams } from './sql-params.js';

/** Separates the ids of a batch in one text parameter (ids never contain control characters). */
export const ID_SEPARATOR = '\u001f';

/** The owner join only when the scope needs it: unscoped lookups read the snapshot alone. */
const ownerJoin = (d: Dialect, scope: CustomerScope) =>
  scope.kind === 'team' || scope.kind === 'rep'
    ? `JOIN ${d.quoteIdent('customer_owners_clean')} o ON o.customer_id = s.customer_id`
    : '';

/**
 * The tier of one customer id in a run: a point lookup on the snapshot's primary key (run_id, customer_id). A
 * merged duplicate id finds nothing here; callers then look up its survivor.
 */
export function tierLookupSql(d: Dialect, runId: string, customerId: string, scope: CustomerScope): SqlQuery {
  const p = new SqlParams(d);
  const run = p.add(runId);
  const id = p.add(customerId);
  return sql(
    `SELECT s.customer_id, s.tier, s.score, s.tags FROM ${d.quoteIdent('tier_snapshots')} s ${ownerJoin(d, scope)}
WHERE s.run_id = ${run} AND s.customer_id = ${id} AND ${scopeConditionSql(scope, p)}`,
    p.values,
  );
}

/**
 * Tiers of many ids in one statement: each asked id (merged duplicates through their survivor) with the
 * snapshot row of the run; ids not in the run or out of scope have no row.
 */
export function tierBatchSql(
  d: Dialect,
  runId: string,
  ids: readonly string[],
  scope: CustomerScope,
): SqlQuery {
  const p = new SqlParams(d);
  const run = p.add(runId);
  const asked = d.splitText(p.add(ids.join(ID_SEPARATOR)), ID_SEPARATOR);
  return sql(
    `WITH asked AS (SELECT DISTINCT unnest(${asked}) AS asked_id)
SELECT a.asked_id, s.customer_id, s.tier, s.score, s.tags
FROM asked a
LEFT JOIN ${d.quoteIdent('customer_merges')} m ON m.customer_id = a.asked_id
JOIN ${d.quoteIdent('tier_snapshots')} s ON s.run_id = ${run} AND s.customer_id = COALESCE(m.survivor_id, a.asked_id)
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
