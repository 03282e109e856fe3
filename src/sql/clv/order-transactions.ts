import { addDays } from '../../contracts/time/iso-date.js';
import type { Dialect } from '../dialects/dialect.js';
import { checkedDate, dateLiteral, type TransactionSource } from './summary-sql.js';

/**
 * The completed orders of a stratum database (orders_clean: cleaned, merged duplicates under their survivor) up to
 * the end of `lastDay`, as purchases: the business-time-zone day, the amount net of the refunds booked by then,
 * and the gross margin less the refunded share of it.
 */
export function orderTransactions(d: Dialect, lastDay: string): TransactionSource {
  const cutoff = d.startOfDay(dateLiteral(addDays(checkedDate(lastDay), 1)));
  const net = `o.amount - COALESCE(r.refunded, 0)`;
  return {
    relation: `(SELECT o.customer_id, ${d.dateOf('o.ordered_at')} AS day,
        CAST(${net} AS DOUBLE PRECISION) AS amount,
        CAST(o.gross_margin AS DOUBLE PRECISION) * CASE WHEN o.amount > 0 THEN GREATEST(${net}, 0) / o.amount ELSE 0 END AS margin
  FROM ${d.quoteIdent('orders_clean')} o
  LEFT JOIN (SELECT order_id, sum(amount) AS refunded FROM ${d.quoteIdent('refunds_clean')}
             WHERE refunded_at < ${cutoff} GROUP BY order_id) r ON r.order_id = o.order_id
  WHERE o.status = 'completed' AND o.ordered_at < ${cutoff})`,
  };
}
