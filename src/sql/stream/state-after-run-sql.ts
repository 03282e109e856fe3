import { latestDecisionsSql } from './latest-decisions-sql.js';

/**
 * Every customer's state after a run and the stream decisions made against it: the run's snapshot row, replaced
 * by the customer's latest stream decision under that run when there is one (stream_decisions has the snapshot's
 * columns). `runSql` is the run id as SQL (a placeholder); `columns` are snapshot column names.
 */
export function stateAfterRunSql(runSql: string, columns: readonly string[]): string {
  const cols = columns.join(', ');
  return `SELECT ${cols} FROM tier_snapshots WHERE run_id = ${runSql}
  AND customer_id NOT IN (SELECT customer_id FROM stream_decisions WHERE run_id = ${runSql})
UNION ALL
${latestDecisionsSql(runSql, columns)}`;
}
