import type { Cte, FeatureContext } from './context.js';
import { REPURCHASE_DAYS } from '../../contracts/tiering/feature-params.js';

/**
 * Completed orders from the start of the scan (the earlier of the long window and the previous short window) up
 * to the cutoff, each with the refunds booked against it before the cutoff and the epoch second of the customer's
 * next completed order: the one pass over orders_clean that every order feature reads. Ties in time need no
 * tie-break: tied orders give the same (t, next_t) pairs in either order.
 */
export function orderRowsCtes(c: FeatureContext): Cte[] {
  return [
    ...orderScanCtes(c),
    {
      name: 'order_rows',
      sql: `SELECT o.customer_id, o.ordered_at, o.t, o.amount, o.gross_margin, COALESCE(f.refunded, 0) AS refunded,
       LEAD(o.t) OVER (PARTITION BY o.customer_id ORDER BY o.t) AS next_t
FROM order_scan o
LEFT JOIN order_refunds f ON f.order_id = o.order_id`,
    },
  ];
}

/** `order_scan` (the completed orders of the scan) and `order_refunds` (each order's refunds before the cutoff). */
export function orderScanCtes(c: FeatureContext): Cte[] {
  const { windows: w, d } = c;
  return [
    {
      name: 'order_scan',
      sql: `SELECT o.order_id, o.customer_id, o.ordered_at, ${d.epochSeconds('o.ordered_at')} AS t, o.amount, o.gross_margin
FROM ${c.table('orders_clean')} o
WHERE o.status = 'completed' AND o.ordered_at >= ${c.at(w.scanStart)} AND o.ordered_at < ${c.at(w.cutoff)}`,
    },
    {
      name: 'order_refunds',
      // Back to the money type: one order's refunds fit, and narrow DECIMAL sums are much faster than wide ones.
      sql: `SELECT r.order_id, CAST(sum(r.amount) AS ${d.columnType({ kind: 'money' })}) AS refunded
FROM ${c.table('refunds_clean')} r
WHERE r.refunded_at < ${c.at(w.cutoff)}
GROUP BY r.order_id`,
    },
  ];
}

/**
 * Per customer: the last order of the scan, counts, gross amounts, refunds and margins of the windows, the
 * repurchase counts (followed within REPURCHASE_DAYS × 24 h), and the net purchases since the active contracts'
 * start (`contract_parts.contract_from_at`, so contracts come first).
 */
export function orderPartsCte(c: FeatureContext): Cte {
  const { windows: w } = c;
  const inLong = `o.ordered_at >= ${c.at(w.longStart)}`;
  const inShort = `o.ordered_at >= ${c.at(w.shortStart)}`;
  const inPrevious = `o.ordered_at >= ${c.at(w.previousStart)} AND o.ordered_at < ${c.at(w.shortStart)}`;
  const withHindsight = `${inLong} AND o.ordered_at < ${c.at(w.hindsightEnd)}`;
  return {
    name: 'order_parts',
    sql: `SELECT o.customer_id,
       max(o.ordered_at) AS last_at,
       count(*) FILTER (WHERE ${inLong}) AS orders_long,
       count(*) FILTER (WHERE ${inShort}) AS orders_short,
       sum(o.amount) FILTER (WHERE ${inLong}) AS gross_long,
       sum(o.refunded) FILTER (WHERE ${inLong}) AS refunded_long,
       sum(o.amount - o.refunded) FILTER (WHERE ${inShort}) AS net_short,
       sum(o.amount - o.refunded) FILTER (WHERE ${inPrevious}) AS net_previous,
       sum(o.gross_margin) FILTER (WHERE ${inLong}) AS margin_long,
       count(*) FILTER (WHERE ${withHindsight}) AS repeat_base,
       count(*) FILTER (WHERE ${withHindsight} AND o.next_t - o.t <= ${REPURCHASE_DAYS * 86_400}) AS repeat_hits,
       sum(o.amount - o.refunded) FILTER (WHERE o.ordered_at >= k.contract_from_at) AS contract_purchases
FROM order_rows o
LEFT JOIN contract_parts k ON k.customer_id = o.customer_id
GROUP BY o.customer_id`,
  };
}

/**
 * The last completed order before the scan, for customers without one in it (recency looks at the whole
 * history). Only orders older than the scan are read, so this costs little however long the history.
 */
export function earlierOrderCte(c: FeatureContext): Cte {
  return {
    name: 'earlier_order',
    sql: `SELECT o.customer_id, max(o.ordered_at) AS last_at
FROM ${c.table('orders_clean')} o
WHERE o.status = 'completed' AND o.ordered_at < ${c.at(c.windows.scanStart)}
GROUP BY o.customer_id`,
  };
}
