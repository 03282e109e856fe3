import { addDays } from '../../contracts/time/iso-date.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { dateLiteral } from '../clv/summary-sql.js';

const warned = (alias: string) => `array_position(${alias}.tags, 'churn_warning') IS NOT NULL`;

/**
 * Churn warnings issued by the runs as of `firstDay` … `lastDay` — customers tagged churn_warning by a run and not
 * by the run before it — and how many of them placed a completed order after the warning (after the run's as-of
 * day) up to the end of `outcomeEnd`. One row per run, oldest first.
 */
export function winBackSql(
  d: Dialect,
  span: { firstDay: string; lastDay: string; outcomeEnd: string },
): SqlQuery {
  const q = d.quoteIdent;
  return sql(
    `WITH runs AS (
  SELECT run_id, as_of, lag(run_id) OVER (ORDER BY as_of, finished_at) AS previous_run_id FROM tiering_runs
),
warned AS (
  SELECT r.run_id, r.as_of, s.customer_id
  FROM runs r JOIN tier_snapshots s ON s.run_id = r.run_id
  WHERE r.as_of BETWEEN ${dateLiteral(span.firstDay)} AND ${dateLiteral(span.lastDay)} AND ${warned('s')}
    AND NOT EXISTS (
      SELECT 1 FROM tier_snapshots p
      WHERE p.run_id = r.previous_run_id AND p.customer_id = s.customer_id AND ${warned('p')}
    )
),
outcomes AS (
  SELECT w.run_id, w.as_of,
    CASE WHEN EXISTS (
      SELECT 1 FROM ${q('orders_clean')} o
      WHERE o.customer_id = w.customer_id AND o.status = 'completed'
        AND o.ordered_at >= ${d.startOfDay('(w.as_of + 1)')}
        AND o.ordered_at < ${d.startOfDay(dateLiteral(addDays(span.outcomeEnd, 1)))}
    ) THEN 1 ELSE 0 END AS ordered_again
  FROM warned w
)
SELECT run_id, as_of, count(*) AS warned, sum(ordered_again) AS ordered_again
FROM outcomes GROUP BY run_id, as_of ORDER BY as_of, run_id`,
  );
}
