import { FEATURE_NAMES } from '../../contracts/tiering/features.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { latestDecisionsSql } from './latest-decisions-sql.js';

const STREAM_COLUMNS = ['customer_id', 'tier', 'candidate_tier', 'tier_reason', ...FEATURE_NAMES];

/** How many customers the stream decided about against a run. */
export function decidedCountSql(d: Dialect, previousRunId: string): SqlQuery {
  return sql(`SELECT count(DISTINCT customer_id) AS n FROM stream_decisions WHERE run_id = ${d.param(1)}`, [
    previousRunId,
  ]);
}

/**
 * The customers whose latest stream decision under `previousRunId` has another tier than `runId` gave them (or
 * who are missing from it), with both sides' features: s_<column> the stream's, b_<column> the run's.
 */
export function differingTiersSql(d: Dialect, runId: string, previousRunId: string): SqlQuery {
  const side = (alias: string, prefix: string) =>
    STREAM_COLUMNS.slice(1).map((c) => `${alias}.${c} AS ${prefix}_${c}`);
  return sql(
    `SELECT s.customer_id, b.customer_id IS NOT NULL AS in_run, ${[...side('s', 's'), ...side('b', 'b')].join(', ')}
     FROM (${latestDecisionsSql(`CAST(${d.param(2)} AS VARCHAR)`, STREAM_COLUMNS)}) s
     LEFT JOIN tier_snapshots b ON b.run_id = ${d.param(1)} AND b.customer_id = s.customer_id
     WHERE b.customer_id IS NULL OR s.tier IS DISTINCT FROM b.tier
     ORDER BY s.customer_id`,
    [runId, previousRunId],
  );
}
