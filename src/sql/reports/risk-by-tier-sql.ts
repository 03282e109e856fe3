import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { moneySum } from '../tiering/report.js';

const flagged = (condition: string) => `sum(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

/**
 * Risk per tier of a run (tier NULL = excluded), from its snapshot: customers tagged high_risk, customers with an
 * overdue invoice (days_past_due > 0, as the overdue rate of tierKpisSql counts them) and the overdue amount, the
 * credit granted (Σ credit_limit of the effective policy), and legal disputes open on the as-of date.
 */
export function riskByTierSql(d: Dialect, runId: string): SqlQuery {
  return sql(
    `SELECT tier,
       count(*) AS customers,
       ${flagged(`array_position(tags, 'high_risk') IS NOT NULL`)} AS high_risk,
       ${flagged('coalesce(days_past_due, 0) > 0')} AS overdue_customers,
       ${moneySum('overdue_amount')} AS overdue_amount,
       ${moneySum('credit_limit')} AS credit_limit,
       ${flagged('coalesce(disputes_open, 0) > 0')} AS disputing_customers,
       coalesce(sum(disputes_open), 0) AS disputes_open
     FROM tier_snapshots WHERE run_id = ${d.param(1)} GROUP BY tier`,
    [runId],
  );
}
