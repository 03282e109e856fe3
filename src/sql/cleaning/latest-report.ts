import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/** The report of the latest cleaning run (none before the first `stratum clean`). */
export function latestCleaningReportSql(d: Dialect): SqlQuery {
  const q = d.quoteIdent;
  return sql(
    `SELECT ${q('report')} FROM ${q('cleaning_runs')} ORDER BY ${q('finished_at')} DESC, ${q('run_id')} DESC LIMIT 1`,
  );
}
