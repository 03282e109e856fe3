import type { Cte, FeatureContext } from './context.js';

/**
 * Per customer, from the invoices issued by the as-of date: invoices due in the long window and those of them
 * paid in full by their due date; the unpaid amount of invoices past due on the as-of date and the oldest such
 * due date. A payment dated after the as-of date is not seen (the invoice is unpaid as of then); a payment
 * without paid_amount counts as paid in full.
 */
export function invoicePartsCte(c: FeatureContext): Cte {
  const { windows: w } = c;
  const asOf = c.day(w.asOf);
  const dueInLong = `i.due_date >= ${c.day(w.longStart)} AND i.due_date <= ${asOf}`;
  const overdue = `i.due_date < ${asOf} AND i.outstanding > 0`;
  return {
    name: 'invoice_parts',
    sql: `SELECT i.customer_id,
       count(*) FILTER (WHERE ${dueInLong}) AS invoices_due,
       count(*) FILTER (WHERE ${dueInLong} AND i.paid_date <= i.due_date AND COALESCE(i.paid_amount, i.amount) >= i.amount) AS invoices_on_time,
       sum(i.outstanding) FILTER (WHERE ${overdue}) AS overdue_amount,
       min(i.due_date) FILTER (WHERE ${overdue}) AS oldest_overdue_due
FROM (
  SELECT v.customer_id, v.due_date, v.amount, v.paid_date, v.paid_amount,
         v.amount - CASE WHEN v.paid_date <= ${asOf} THEN COALESCE(v.paid_amount, v.amount) ELSE 0 END AS outstanding
  FROM ${c.table('invoices_clean')} v
  WHERE v.issued_date <= ${asOf}
) i
GROUP BY i.customer_id`,
  };
}
