import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/** Customers per tier in a run (NULL tier = excluded as inactive). */
export function tierCountsSql(d: Dialect, runId: string): SqlQuery {
  return sql(`SELECT tier, count(*) AS n FROM tier_snapshots WHERE run_id = ${d.param(1)} GROUP BY tier`, [
    runId,
  ]);
}

/** Customers per tag in a run. */
export function tagCountsSql(d: Dialect, runId: string): SqlQuery {
  return sql(
    `SELECT tag, count(*) AS n FROM (SELECT unnest(tags) AS tag FROM tier_snapshots WHERE run_id = ${d.param(1)}) t GROUP BY tag`,
    [runId],
  );
}
