import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/** Thresholds of the order-brushing rule; docs/cleaning.md explains each. */
export const BRUSHING = {
  /** Only small orders can be part of a burst (yuan). */
  maxAmount: 100,
  /** Self-service channels, where nobody checks who places the order. */
  channels: ['app', 'mini_program'],
  /** Orders of one customer and SKU further apart than this start a new burst. */
  maxGapMinutes: 90,
  /** A burst lasts at most this long from first to last order. */
  maxSpanMinutes: 120,
  /** Orders of a burst are within this fraction of the burst's median amount. */
  amountTolerance: 0.06,
  minOrders: 5,
  /** An order counts as undone when cancelled, or refunded in full within this many days. */
  undoneWithinDays: 2,
  /** Share of a burst's orders undone. */
  minUndoneShare: 0.7,
} as const;

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * Flags every order of an order-brushing burst: at least five small single-line orders of one SKU from one
 * customer through the app or mini program, minutes apart, of near-identical amounts, most of them cancelled
 * or refunded in full within two days. Runs in the engine; orders never leave it.
 */
export function flagBrushingSql(d: Dialect, runId: string): SqlQuery {
  const b = BRUSHING;
  const q = d.quoteIdent;
  return sql(
    `INSERT INTO ${q('order_flags')} (order_id, customer_id, rule, group_id, reason, run_id)
WITH small AS (
  SELECT o.order_id, o.customer_id, o.ordered_at, o.amount, o.status
  FROM ${q('orders')} o
  WHERE o.amount > 0 AND o.amount <= ${b.maxAmount} AND o.channel IN (${b.channels.map(literal).join(', ')})
),
line_stats AS (
  SELECT l.order_id, count(*) AS n_lines, min(l.sku) AS sku
  FROM ${q('order_lines')} l
  WHERE l.order_id IN (SELECT order_id FROM small)
  GROUP BY l.order_id
),
refunded AS (
  SELECT r.order_id, sum(r.amount) AS refunded
  FROM ${q('refunds')} r JOIN small o ON o.order_id = r.order_id
  WHERE r.refunded_at <= o.ordered_at + INTERVAL '${b.undoneWithinDays} days'
  GROUP BY r.order_id
),
candidates AS (
  SELECT o.order_id, o.customer_id, o.amount, COALESCE(l.sku, '') AS sku,
         EXTRACT(EPOCH FROM o.ordered_at) AS t,
         CASE WHEN o.status = 'cancelled' OR COALESCE(f.refunded, 0) >= o.amount THEN 1 ELSE 0 END AS undone
  FROM small o
  LEFT JOIN line_stats l ON l.order_id = o.order_id
  LEFT JOIN refunded f ON f.order_id = o.order_id
  WHERE COALESCE(l.n_lines, 1) = 1
),
starts AS (
  SELECT c.*,
         CASE WHEN t - LAG(t) OVER (PARTITION BY customer_id, sku ORDER BY t, order_id) <= ${b.maxGapMinutes * 60}
              THEN 0 ELSE 1 END AS is_start
  FROM candidates c
),
sessions AS (
  SELECT s.*,
         SUM(is_start) OVER (PARTITION BY customer_id, sku ORDER BY t, order_id ROWS UNBOUNDED PRECEDING) AS session_no
  FROM starts s
),
centres AS (
  SELECT customer_id, sku, session_no, percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) AS median_amount
  FROM sessions GROUP BY customer_id, sku, session_no HAVING count(*) >= ${b.minOrders}
),
members AS (
  SELECT s.order_id, s.customer_id, s.sku, s.session_no, s.t, s.amount, s.undone
  FROM sessions s
  JOIN centres c ON c.customer_id = s.customer_id AND c.sku = s.sku AND c.session_no = s.session_no
  WHERE abs(s.amount - c.median_amount) <= ${b.amountTolerance} * c.median_amount
),
bursts AS (
  SELECT customer_id, sku, session_no, count(*) AS n, sum(undone) AS n_undone,
         min(amount) AS min_amount, max(amount) AS max_amount, (max(t) - min(t)) / 60 AS span_minutes
  FROM members GROUP BY customer_id, sku, session_no
  HAVING count(*) >= ${b.minOrders}
     AND max(t) - min(t) <= ${b.maxSpanMinutes * 60}
     AND avg(undone) >= ${b.minUndoneShare}
)
SELECT m.order_id, m.customer_id, 'brushing',
       FIRST_VALUE(m.order_id) OVER (PARTITION BY m.customer_id, m.sku, m.session_no ORDER BY m.t, m.order_id),
       'burst of ' || CAST(b.n AS VARCHAR) || ' orders of ¥' || CAST(b.min_amount AS VARCHAR) || '–¥'
         || CAST(b.max_amount AS VARCHAR) || ' (SKU ' || m.sku || ') within '
         || CAST(CAST(round(b.span_minutes) AS INTEGER) AS VARCHAR) || ' min, '
         || CAST(b.n_undone AS VARCHAR) || ' cancelled or fully refunded within ${b.undoneWithinDays} days',
       ${d.param(1)}
FROM members m
JOIN bursts b ON b.customer_id = m.customer_id AND b.sku = m.sku AND b.session_no = m.session_no`,
    [runId],
  );
}
