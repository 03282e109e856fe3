import type { Dialect } from '../../dialects/dialect.js';
import { sql, type SqlQuery } from '../../query.js';

/**
 * One customer's figures per calendar month (session time zone) in [from, to): completed orders and their amount,
 * refunds by the month they were booked, invoices by the month issued with what was paid by `to` and what was
 * overdue at `to` (due before it and not fully paid by then). One row per month and kind; months without any are
 * absent. `month` is the first day of the month.
 */
export function customerSeriesSql(d: Dialect, customerId: string, from: string, to: string): SqlQuery {
  const [id, start, end] = [d.param(1), `CAST(${d.param(2)} AS DATE)`, `CAST(${d.param(3)} AS DATE)`];
  const month = (ts: string) => `CAST(date_trunc('month', ${ts}) AS DATE)`;
  // Typed, as PostgreSQL takes a bare NULL in a UNION's first branch for text.
  const none = 'CAST(NULL AS DECIMAL(18,2))';
  return sql(
    `SELECT 'orders' AS kind, ${month('o.ordered_at')} AS month, count(*) AS n, sum(o.amount) AS amount, ${none} AS paid, ${none} AS overdue
FROM orders_clean o
WHERE o.customer_id = ${id} AND o.status = 'completed'
  AND o.ordered_at >= ${d.startOfDay(start)} AND o.ordered_at < ${d.startOfDay(end)}
GROUP BY 2
UNION ALL
SELECT 'refunds', ${month('r.refunded_at')}, count(*), sum(r.amount), ${none}, ${none}
FROM refunds_clean r
WHERE r.customer_id = ${id} AND r.refunded_at >= ${d.startOfDay(start)} AND r.refunded_at < ${d.startOfDay(end)}
GROUP BY 2
UNION ALL
SELECT 'invoices', ${month('i.issued_date')}, count(*), sum(i.amount),
  sum(CASE WHEN i.paid_date < ${end} THEN COALESCE(i.paid_amount, 0) ELSE 0 END),
  sum(CASE WHEN i.due_date < ${end} THEN i.amount - CASE WHEN i.paid_date < ${end} THEN COALESCE(i.paid_amount, 0) ELSE 0 END ELSE 0 END)
FROM invoices_clean i
WHERE i.customer_id = ${id} AND i.issued_date >= ${start} AND i.issued_date < ${end}
GROUP BY 2`,
    [customerId, from, to],
  );
}
