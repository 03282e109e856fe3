import { PIPELINE_TABLES } from '../../contracts/tiering/pipeline-tables.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/** Customers per tier of the run being made, from the pipeline's last table (NULL tier = excluded). */
export const pipelineTierCountsSql = (d: Dialect): SqlQuery =>
  sql(`SELECT tier, count(*) AS n FROM ${d.quoteIdent(PIPELINE_TABLES.tagged)} GROUP BY tier`);

/** Customers per tag of the run being made. */
export const pipelineTagCountsSql = (d: Dialect): SqlQuery =>
  sql(
    `SELECT tag, count(*) AS n FROM (SELECT unnest(tags) AS tag FROM ${d.quoteIdent(PIPELINE_TABLES.tagged)}) t GROUP BY tag`,
  );

/** Customers per tag in a committed run. */
export function tagCountsSql(d: Dialect, runId: string): SqlQuery {
  return sql(
    `SELECT tag, count(*) AS n FROM (SELECT unnest(tags) AS tag FROM tier_snapshots WHERE run_id = ${d.param(1)}) t GROUP BY tag`,
    [runId],
  );
}
