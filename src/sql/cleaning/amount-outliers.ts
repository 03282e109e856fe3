import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/** Thresholds of the amount-outlier rule; docs/cleaning.md explains each. */
export const AMOUNT_OUTLIER = {
  /** Completed, unflagged orders a customer needs before its typical amount is trusted. */
  minHistory: 8,
  /** Flag orders at least this many times the customer's median order… */
  factor: 20,
  /** …and at least this large (yuan), so that a ¥30 customer's ¥600 order is not an outlier. */
  minAmount: 5000,
} as const;

/**
 * Flags orders absurdly above the customer's own typical (median) order: a typo in the amount or a bulk
 * purchase for someone else, either of which would distort monetary scores. Runs after the brushing rule and
 * ignores orders already flagged.
 */
export function flagAmountOutliersSql(d: Dialect, runId: string): SqlQuery {
  const a = AMOUNT_OUTLIER;
  const q = d.quoteIdent;
  const unflagged = (alias: string) =>
    `NOT EXISTS (SELECT 1 FROM ${q('order_flags')} f WHERE f.order_id = ${alias}.order_id)`;
  return sql(
    `INSERT INTO ${q('order_flags')} (order_id, customer_id, rule, group_id, reason, run_id)
WITH typical AS (
  SELECT o.customer_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY o.amount) AS median_amount, count(*) AS n
  FROM ${q('orders')} o
  WHERE o.status = 'completed' AND ${unflagged('o')}
  GROUP BY o.customer_id
  HAVING count(*) >= ${a.minHistory}
)
SELECT o.order_id, o.customer_id, 'amount_outlier', NULL,
       'amount ¥' || CAST(o.amount AS VARCHAR) || ' is '
         || CAST(CAST(o.amount / t.median_amount AS DECIMAL(18,1)) AS VARCHAR)
         || '× the customer''s median order ¥' || CAST(CAST(t.median_amount AS DECIMAL(18,2)) AS VARCHAR)
         || ' (' || CAST(t.n AS VARCHAR) || ' orders)',
       ${d.param(1)}
FROM ${q('orders')} o
JOIN typical t ON t.customer_id = o.customer_id
WHERE o.amount >= ${a.minAmount} AND o.amount >= ${a.factor} * t.median_amount AND ${unflagged('o')}`,
    [runId],
  );
}
