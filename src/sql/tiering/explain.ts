import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

export function snapshotRowSql(d: Dialect, runId: string, customerId: string): SqlQuery {
  return sql(`SELECT * FROM tier_snapshots WHERE run_id = ${d.param(1)} AND customer_id = ${d.param(2)}`, [
    runId,
    customerId,
  ]);
}

/**
 * Score range per tier in a run, within one segment (national or a pilot) and one scope value (or the whole
 * segment when scope is all).
 */
export function runBoundariesSql(
  d: Dialect,
  runId: string,
  pilot: string | null,
  scope: 'all' | 'city' | 'customer_type',
  scopeValue: string | null,
): SqlQuery {
  const inScope = scope === 'all' ? '' : ` AND ${d.quoteIdent(scope)} IS NOT DISTINCT FROM ${d.param(3)}`;
  return sql(
    `SELECT tier, min(score) AS min_score, max(score) AS max_score, count(*) AS customers
     FROM tier_snapshots
     WHERE run_id = ${d.param(1)} AND pilot IS NOT DISTINCT FROM CAST(${d.param(2)} AS VARCHAR)
       AND tier IS NOT NULL AND tier_reason = 'quota'${inScope}
     GROUP BY tier`,
    scope === 'all' ? [runId, pilot] : [runId, pilot, scopeValue],
  );
}

/** The survivor a merged duplicate id was folded into, if any. */
export function survivorOfSql(d: Dialect, customerId: string): SqlQuery {
  return sql(`SELECT survivor_id FROM customer_merges WHERE customer_id = ${d.param(1)}`, [customerId]);
}
