import { addDays } from '../../contracts/time/iso-date.js';
import { orderTransactions } from '../clv/order-transactions.js';
import { dateLiteral } from '../clv/summary-sql.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/** The two periods an experiment compares, as inclusive day ranges. */
export interface OutcomePeriods {
  readonly preStart: string;
  readonly start: string;
  readonly end: string;
}

/**
 * Per assigned customer of an experiment, for the pre-period [preStart, start) and the post-period [start, end]:
 * net purchases, margin and completed orders (orders_clean, net of refunds booked by `end`), and the invoices due
 * in the period with how many of them were not paid in full by their due date. Every assigned customer has a row.
 */
export function experimentOutcomesSql(d: Dialect, experimentId: string, p: OutcomePeriods): SqlQuery {
  const [preStart, start, end] = [dateLiteral(p.preStart), dateLiteral(p.start), dateLiteral(p.end)];
  const pre = (day: string) => `${day} >= ${preStart} AND ${day} < ${start}`;
  const post = (day: string) => `${day} >= ${start} AND ${day} <= ${end}`;
  // Late as the on-time-payment feature counts it: not paid in full by the due date.
  const late = `NOT COALESCE(i.paid_date <= i.due_date AND COALESCE(i.paid_amount, i.amount) >= i.amount, FALSE)`;
  const endCutoff = dateLiteral(addDays(p.end, 1));
  return sql(
    `WITH a AS (
  SELECT customer_id, unit_id, variant FROM experiment_assignments WHERE experiment_id = ${d.param(1)}
), t AS (
  SELECT t.* FROM ${orderTransactions(d, p.end).relation} t JOIN a ON a.customer_id = t.customer_id
  WHERE t.day >= ${preStart}
), o AS (
  SELECT customer_id,
         sum(amount) FILTER (WHERE ${pre('day')}) AS gmv_pre, sum(amount) FILTER (WHERE ${post('day')}) AS gmv_post,
         sum(margin) FILTER (WHERE ${pre('day')}) AS margin_pre, sum(margin) FILTER (WHERE ${post('day')}) AS margin_post,
         count(*) FILTER (WHERE ${pre('day')}) AS orders_pre, count(*) FILTER (WHERE ${post('day')}) AS orders_post
  FROM t GROUP BY customer_id
), i AS (
  SELECT i.customer_id,
         count(*) FILTER (WHERE ${pre('i.due_date')}) AS due_pre,
         count(*) FILTER (WHERE ${pre('i.due_date')} AND ${late}) AS late_pre,
         count(*) FILTER (WHERE ${post('i.due_date')}) AS due_post,
         count(*) FILTER (WHERE ${post('i.due_date')} AND ${late}) AS late_post
  FROM ${d.quoteIdent('invoices_clean')} i JOIN a ON a.customer_id = i.customer_id
  WHERE i.due_date >= ${preStart} AND i.due_date < ${endCutoff}
  GROUP BY i.customer_id
)
SELECT a.customer_id, a.unit_id, a.variant,
       COALESCE(o.gmv_pre, 0) AS gmv_pre, COALESCE(o.gmv_post, 0) AS gmv_post,
       COALESCE(o.margin_pre, 0) AS margin_pre, COALESCE(o.margin_post, 0) AS margin_post,
       COALESCE(o.orders_pre, 0) AS orders_pre, COALESCE(o.orders_post, 0) AS orders_post,
       COALESCE(i.due_pre, 0) AS due_pre, COALESCE(i.late_pre, 0) AS late_pre,
       COALESCE(i.due_post, 0) AS due_post, COALESCE(i.late_post, 0) AS late_post
FROM a LEFT JOIN o ON o.customer_id = a.customer_id LEFT JOIN i ON i.customer_id = a.customer_id
ORDER BY a.customer_id`,
    [experimentId],
  );
}
