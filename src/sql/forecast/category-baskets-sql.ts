import { addDays } from '../../contracts/time/iso-date.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { completedLinesFrom, lineValue } from './order-lines.js';

/**
 * Each customer's line value and quantity per category over the `days` days up to `asOf`, with the customer's
 * number of orders in that window on every row (the weight of their own mix). Ordered by customer and category.
 */
export function categoryBasketsSql(d: Dialect, asOf: string, days: number): SqlQuery {
  if (!(Number.isInteger(days) && days >= 1))
    throw new Error(`expected a whole number of days ≥ 1, got ${days}`);
  return sql(`WITH lines AS (
  SELECT o.customer_id, o.order_id, l.category, CAST(l.quantity AS DOUBLE PRECISION) AS quantity, ${lineValue('l')} AS value
  FROM ${completedLinesFrom(d, addDays(asOf, 1 - days), asOf)}
)
SELECT b.customer_id, b.category, b.value, b.quantity, n.orders
FROM (SELECT customer_id, category, sum(value) AS value, sum(quantity) AS quantity FROM lines GROUP BY customer_id, category) b
JOIN (SELECT customer_id, count(DISTINCT order_id) AS orders FROM lines GROUP BY customer_id) n ON n.customer_id = b.customer_id
ORDER BY b.customer_id, b.category`);
}
