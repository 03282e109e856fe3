import { addDays } from '../../contracts/time/iso-date.js';
import type { TransactionSource } from '../clv/summary-sql.js';
import type { Dialect } from '../dialects/dialect.js';
import { dateLiteral, lineValue } from './order-lines.js';

/**
 * The completed orders of orders_clean up to the end of `lastDay` as purchases worth their line value (goods
 * ordered, before refunds): what the forecast predicts and what its holdout measures. Orders without lines are
 * left out, since their goods cannot be split into categories. No margin.
 */
export function orderLineTransactions(d: Dialect, lastDay: string): TransactionSource {
  const q = d.quoteIdent;
  const cutoff = d.startOfDay(dateLiteral(addDays(lastDay, 1)));
  return {
    relation: `(SELECT o.customer_id, ${d.dateOf('o.ordered_at')} AS day, l.value AS amount, CAST(NULL AS DOUBLE PRECISION) AS margin
  FROM ${q('orders_clean')} o
  JOIN (SELECT l.order_id, sum(${lineValue('l')}) AS value FROM ${q('order_lines_clean')} l GROUP BY l.order_id) l
    ON l.order_id = o.order_id
  WHERE o.status = 'completed' AND o.ordered_at < ${cutoff})`,
  };
}
