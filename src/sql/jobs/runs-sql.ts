import { TIERS } from '../../contracts/tiering/tiers.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/** Columns of a run row: the run, the first saved configuration version of its hash, customers per tier. */
const runColumns = (d: Dialect) =>
  `r.run_id, r.as_of, r.started_at, r.finished_at, r.config_hash, r.primary_model, r.customers,
   r.duration_ms, r.${d.quoteIdent('trigger')},
   (SELECT min(v.version) FROM config_versions v WHERE v.config_hash = r.config_hash) AS config_version`;

/**
 * Customers per tier (`tier_<tier>`) and excluded (`tier_excluded`, NULL tier) of the runs `runIds` selects, one
 * row per run, read on the snapshot's primary key (run_id, customer_id). The tier names are the contract's
 * constants, not input.
 */
const tierCounts = (runIds: string) =>
  `SELECT s.run_id,
          ${TIERS.map((t) => `count(*) FILTER (WHERE s.tier = '${t}') AS tier_${t}`).join(',\n          ')},
          count(*) FILTER (WHERE s.tier IS NULL) AS tier_excluded
   FROM tier_snapshots s WHERE s.run_id IN (${runIds}) GROUP BY s.run_id`;

const countColumns = [...TIERS.map((t) => `tier_${t}`), 'tier_excluded']
  .map((c) => `coalesce(c.${c}, 0) AS ${c}`)
  .join(', ');

/**
 * Committed tiering runs, newest first (by as-of date, then finish time), with the first saved configuration
 * version of the same hash (null when the run used a configuration that was never saved as a version) and the
 * customers per tier of each run of the page.
 */
export function listRunsSql(d: Dialect, page: { limit: number; offset: number }): SqlQuery {
  return sql(
    `WITH page AS (
       SELECT ${runColumns(d)}
       FROM tiering_runs r
       ORDER BY r.as_of DESC, r.finished_at DESC, r.run_id DESC
       LIMIT ${d.param(1)} OFFSET ${d.param(2)}
     ),
     counts AS (${tierCounts('SELECT run_id FROM page')})
     SELECT page.*, ${countColumns}
     FROM page LEFT JOIN counts c ON c.run_id = page.run_id
     ORDER BY page.as_of DESC, page.finished_at DESC, page.run_id DESC`,
    [page.limit, page.offset],
  );
}

export const countRunsSql = (): SqlQuery => sql(`SELECT count(*) AS n FROM tiering_runs`);

export function runRowSql(d: Dialect, runId: string): SqlQuery {
  return sql(
    `WITH counts AS (${tierCounts(d.param(1))})
     SELECT ${runColumns(d)}, ${countColumns}
     FROM tiering_runs r LEFT JOIN counts c ON c.run_id = r.run_id
     WHERE r.run_id = ${d.param(1)}`,
    [runId],
  );
}
