import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { dateLiteral } from '../clv/summary-sql.js';

/**
 * The actions triggered by the runs as of `firstDay` … `lastDay` (tier_snapshots.actions), counted per kind and
 * follow-up status: the status recorded in action_tasks, `open` for an action nobody has marked yet (as the risk
 * page shows it).
 */
export function actionStatusCountsSql(d: Dialect, firstDay: string, lastDay: string): SqlQuery {
  const action = d.quoteIdent('action');
  return sql(
    `SELECT a.${action} AS ${action}, coalesce(t.status, 'open') AS status, count(*) AS customers
     FROM (
       SELECT s.run_id, s.customer_id, unnest(s.actions) AS ${action}
       FROM tier_snapshots s JOIN tiering_runs r ON r.run_id = s.run_id
       WHERE r.as_of BETWEEN ${dateLiteral(firstDay)} AND ${dateLiteral(lastDay)}
     ) a
     LEFT JOIN ${d.quoteIdent('action_tasks')} t
       ON t.run_id = a.run_id AND t.customer_id = a.customer_id AND t.${action} = a.${action}
     GROUP BY 1, 2`,
  );
}
