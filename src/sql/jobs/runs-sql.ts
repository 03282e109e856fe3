import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/**
 * Committed tiering runs, newest first (by as-of date, then finish time), with the first saved configuration
 * version of the same hash (null when the run used a configuration that was never saved as a version).
 */
export function listRunsSql(d: Dialect, page: { limit: number; offset: number }): SqlQuery {
  return sql(
    `SELECT r.run_id, r.as_of, r.started_at, r.finished_at, r.config_hash, r.primary_model, r.customers,
            r.duration_ms, r.${d.quoteIdent('trigger')},
            (SELECT min(v.version) FROM config_versions v WHERE v.config_hash = r.config_hash) AS config_version
     FROM tiering_runs r
     ORDER BY r.as_of DESC, r.finished_at DESC, r.run_id DESC
     LIMIT ${d.param(1)} OFFSET ${d.param(2)}`,
    [page.limit, page.offset],
  );
}

export const countRunsSql = (): SqlQuery => sql(`SELECT count(*) AS n FROM tiering_runs`);

export function runRowSql(d: Dialect, runId: string): SqlQuery {
  return sql(
    `SELECT r.run_id, r.as_of, r.started_at, r.finished_at, r.config_hash, r.primary_model, r.customers,
            r.duration_ms, r.${d.quoteIdent('trigger')},
            (SELECT min(v.version) FROM config_versions v WHERE v.config_hash = r.config_hash) AS config_version
     FROM tiering_runs r WHERE r.run_id = ${d.param(1)}`,
    [runId],
  );
}
