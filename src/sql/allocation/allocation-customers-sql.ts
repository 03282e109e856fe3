import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { SqlParams } from '../api/customers/sql-params.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The customers of a run as allocation sees them, aggregated where the data lives: tier and promised visits from
 * the snapshot, location and chain from customers_clean, the owner from customer_owners_clean, and the value — net
 * sales (orders completed in the twelve months to the as-of date, less their refunds) — summed in the engine.
 * `yearStart` and `cutoff` are the first day of those twelve months and the day after the as-of date.
 */
export function allocationCustomersSql(
  d: Dialect,
  runId: string,
  window: { readonly yearStart: string; readonly cutoff: string },
): SqlQuery {
  for (const day of [window.yearStart, window.cutoff])
    if (!ISO_DAY.test(day)) throw new Error(`allocation window day ${day} is not YYYY-MM-DD`);
  const at = (day: string) => d.startOfDay(`DATE '${day}'`);
  const p = new SqlParams(d);
  const run = p.add(runId);
  const q = d.quoteIdent;
  return sql(
    `WITH sales AS (
  SELECT o.customer_id, sum(o.amount - COALESCE(f.refunded, 0)) AS net
  FROM ${q('orders_clean')} o
  LEFT JOIN (
    SELECT order_id, sum(amount) AS refunded FROM ${q('refunds_clean')}
    WHERE refunded_at < ${at(window.cutoff)} GROUP BY order_id
  ) f ON f.order_id = o.order_id
  WHERE o.status = 'completed' AND o.ordered_at >= ${at(window.yearStart)} AND o.ordered_at < ${at(window.cutoff)}
  GROUP BY o.customer_id
)
SELECT s.customer_id, s.tier, s.visits_per_month, c.name, c.address, c.city, c.district, c.lat, c.lon,
       c.chain_id, c.cuisine, COALESCE(sales.net, 0) AS value, o.rep_id AS owner_id, o.since AS owned_since
FROM tier_snapshots s
JOIN ${q('customers_clean')} c ON c.customer_id = s.customer_id
LEFT JOIN sales ON sales.customer_id = s.customer_id
LEFT JOIN ${q('customer_owners_clean')} o ON o.customer_id = s.customer_id
WHERE s.run_id = ${run}
ORDER BY s.customer_id`,
    p.values,
  );
}
