import { addDays } from '../../contracts/time/iso-date.js';
import { orderTransactions } from '../clv/order-transactions.js';
import { dateLiteral } from '../clv/summary-sql.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/**
 * Every ranked customer of a run with its rank in its quota scope, the tier the quotas gave it and the tier it
 * got, and its net purchases, margin and orders in the `days`
 * after the run's as-of date and in the `days` up to it: the data of a regression discontinuity at a tier
 * boundary. Best rank first. Only the national configuration's customers: a pilot ranks its cities apart, with
 * its own quotas.
 */
export function boundarySampleSql(d: Dialect, runId: string, asOf: string, days: number): SqlQuery {
  const [from, run, to] = [addDays(asOf, -days + 1), asOf, addDays(asOf, days)].map(dateLiteral);
  const before = `t.day >= ${from} AND t.day <= ${run}`;
  const after = `t.day > ${run} AND t.day <= ${to}`;
  return sql(
    `WITH s AS (
  SELECT customer_id, tier, candidate_tier, rank_pct FROM tier_snapshots
  WHERE run_id = ${d.param(1)} AND rank_pct IS NOT NULL AND pilot IS NULL
), o AS (
  SELECT t.customer_id,
         sum(t.amount) FILTER (WHERE ${before}) AS gmv_pre, sum(t.amount) FILTER (WHERE ${after}) AS gmv_post,
         sum(t.margin) FILTER (WHERE ${before}) AS margin_pre, sum(t.margin) FILTER (WHERE ${after}) AS margin_post,
         count(*) FILTER (WHERE ${before}) AS orders_pre, count(*) FILTER (WHERE ${after}) AS orders_post
  FROM ${orderTransactions(d, addDays(asOf, days)).relation} t JOIN s ON s.customer_id = t.customer_id
  WHERE t.day >= ${from}
  GROUP BY t.customer_id
)
SELECT s.customer_id, s.tier, s.candidate_tier, s.rank_pct,
       COALESCE(o.gmv_pre, 0) AS gmv_pre, COALESCE(o.gmv_post, 0) AS gmv_post,
       COALESCE(o.margin_pre, 0) AS margin_pre, COALESCE(o.margin_post, 0) AS margin_post,
       COALESCE(o.orders_pre, 0) AS orders_pre, COALESCE(o.orders_post, 0) AS orders_post
FROM s LEFT JOIN o ON o.customer_id = s.customer_id
ORDER BY s.rank_pct, s.customer_id`,
    [runId],
  );
}
