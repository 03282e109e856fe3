import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { moneySum } from '../tiering/report.js';

/**
 * Per tier of a run (tier NULL = excluded), computed in the engine from the snapshot:
 * - `customers`, `revenue` (Σ monetary);
 * - `orders_per_month`: average frequency (orders per 30 days over the long window);
 * - `aov`: Σ ordered amount / Σ orders, the amount being aov × orders per customer (pooled);
 * - `repurchase_rate`: average of the customers' rates where defined;
 * - `return_rate`: Σ refunded / Σ ordered, refunded being return_rate × ordered per customer (pooled);
 * - `overdue_rate`: share of customers with days_past_due > 0;
 * - `annual_net_revenue`: average monetary × 365 / longDays; `tenure_years`: average tenure_days / 365.
 */
export function tierKpisSql(d: Dialect, runId: string, longDays: number): SqlQuery {
  const ordered = '(aov * orders)';
  return sql(
    `SELECT tier,
       count(*) AS customers,
       ${moneySum('monetary')} AS revenue,
       avg(coalesce(frequency, 0)) AS orders_per_month,
       sum(${ordered}) / nullif(sum(CASE WHEN aov IS NULL THEN 0 ELSE orders END), 0) AS aov,
       avg(repurchase_rate) AS repurchase_rate,
       sum(return_rate * ${ordered}) / nullif(sum(CASE WHEN return_rate IS NULL THEN 0 ELSE ${ordered} END), 0) AS return_rate,
       avg(CASE WHEN coalesce(days_past_due, 0) > 0 THEN 1.0 ELSE 0.0 END) AS overdue_rate,
       avg(coalesce(monetary, 0)) * 365.0 / CAST(${d.param(2)} AS DOUBLE PRECISION) AS annual_net_revenue,
       avg(tenure_days) / 365.0 AS tenure_years
     FROM tier_snapshots WHERE run_id = ${d.param(1)} GROUP BY tier`,
    [runId, longDays],
  );
}
