import { sql, type SqlQuery } from '../query.js';

/**
 * When data last arrived other than by an event: the latest import and the latest cleaning run (which may merge
 * customers and flag orders). The order stream's cached units are as of both.
 */
export const dataVersionSql = (): SqlQuery =>
  sql(
    `SELECT (SELECT max(finished_at) FROM imports) AS imported, (SELECT max(finished_at) FROM cleaning_runs) AS cleaned`,
  );
