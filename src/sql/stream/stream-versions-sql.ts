import type { Dialect } from '../dialects/dialect.js';
import { prepared, sql, type SqlQuery } from '../query.js';
import { latestRunSql } from '../tiering/snapshot.js';

/**
 * What a batch of events is decided against, read as its transaction's first statement: the latest tiering run,
 * and when data last arrived other than by an event (the latest import, and the latest cleaning run, which may
 * merge customers and flag orders), which a worker's units in memory are as of.
 */
export const streamVersionsSql = (d: Dialect): SqlQuery =>
  prepared(
    sql(`SELECT (SELECT l.run_id FROM (${latestRunSql(d, null).sql}) l) AS run_id,
       (SELECT max(finished_at) FROM imports) AS imported,
       (SELECT max(finished_at) FROM cleaning_runs) AS cleaned`),
  );
