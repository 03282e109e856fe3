import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/** Thresholds of the refund rules; docs/cleaning.md explains each. */
export const REFUND_OUTLIER = {
  /** A single refund this many times its order's amount is abnormal (a full refund is 1×). */
  hugeFactor: 3,
  /** Refunds of an order may exceed it by this much (yuan) before the excess is flagged (rounding). */
  toleranceYuan: 1,
} as const;

/** Flags refunds at least `hugeFactor` × the amount of the order they refund. */
export function flagHugeRefundsSql(d: Dialect, runId: string): SqlQuery {
  const q = d.quoteIdent;
  return sql(
    `INSERT INTO ${q('refund_flags')} (refund_id, order_id, rule, reason, run_id)
SELECT r.refund_id, r.order_id, 'huge_refund',
       'refund ¥' || CAST(r.amount AS VARCHAR) || ' is '
         || CASE WHEN o.amount > 0
                 THEN CAST(CAST(r.amount / o.amount AS DECIMAL(18,1)) AS VARCHAR) || '× '
                 ELSE 'more than ' END
         || 'the order amount ¥' || CAST(o.amount AS VARCHAR),
       ${d.param(1)}
FROM ${q('refunds')} r
JOIN ${q('orders')} o ON o.order_id = r.order_id
WHERE r.amount >= ${REFUND_OUTLIER.hugeFactor} * o.amount`,
    [runId],
  );
}

/**
 * Flags the refunds that take an order's refunded total above the order amount (in booking order), once huge
 * refunds are flagged: money returned that was never paid would make a customer look worse than it is.
 */
export function flagExcessRefundsSql(d: Dialect, runId: string): SqlQuery {
  const q = d.quoteIdent;
  return sql(
    `INSERT INTO ${q('refund_flags')} (refund_id, order_id, rule, reason, run_id)
WITH running AS (
  SELECT r.refund_id, r.order_id, r.amount, o.amount AS order_amount,
         SUM(r.amount) OVER (PARTITION BY r.order_id ORDER BY r.refunded_at, r.refund_id ROWS UNBOUNDED PRECEDING) AS refunded
  FROM ${q('refunds')} r
  JOIN ${q('orders')} o ON o.order_id = r.order_id
  WHERE NOT EXISTS (SELECT 1 FROM ${q('refund_flags')} f WHERE f.refund_id = r.refund_id)
)
SELECT refund_id, order_id, 'refund_exceeds_order',
       'refunds of the order reach ¥' || CAST(refunded AS VARCHAR) || ' with this one (¥' || CAST(amount AS VARCHAR)
         || '), above the order amount ¥' || CAST(order_amount AS VARCHAR),
       ${d.param(1)}
FROM running
WHERE refunded > order_amount + ${REFUND_OUTLIER.toleranceYuan}`,
    [runId],
  );
}
