import type { Dialect } from '../dialects/dialect.js';

/** Every customer with the fields matching compares, and its number of orders (its history). */
export function customerRecordsSql(d: Dialect): string {
  const q = d.quoteIdent;
  return `SELECT c.customer_id, c.name, c.chain_id, c.cuisine, c.city, c.district, c.address, c.lat, c.lon, c.phone,
       CAST(c.created_date AS VARCHAR) AS created_date, COALESCE(o.n, 0) AS order_count
FROM ${q('customers')} c
LEFT JOIN (SELECT customer_id, count(*) AS n FROM ${q('orders')} GROUP BY customer_id) o
  ON o.customer_id = c.customer_id
ORDER BY c.customer_id`;
}
