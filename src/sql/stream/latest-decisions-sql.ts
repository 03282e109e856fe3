/**
 * Each customer's latest stream decision under a run (the highest decision_no), with `columns`. `runSql` is the
 * run id as SQL (a placeholder); `andWhere` narrows the decisions considered (e.g. `AND customer_id IN (…)`).
 */
export function latestDecisionsSql(runSql: string, columns: readonly string[], andWhere = ''): string {
  const cols = columns.join(', ');
  return `SELECT ${cols} FROM (
  SELECT ${cols}, row_number() OVER (PARTITION BY customer_id ORDER BY decision_no DESC) AS decision_rank
  FROM stream_decisions WHERE run_id = ${runSql} ${andWhere}) AS latest_decision
WHERE decision_rank = 1`;
}
