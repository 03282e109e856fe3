import type { Dialect } from '../dialects/dialect.js';

/** Flagged orders per rule: how many, how many bursts, and their value. */
export function orderFlagSummarySql(d: Dialect): string {
  const q = d.quoteIdent;
  return `SELECT f.rule, count(*) AS n, count(DISTINCT f.group_id) AS groups, COALESCE(sum(o.amount), 0) AS amount
FROM ${q('order_flags')} f JOIN ${q('orders')} o ON o.order_id = f.order_id
GROUP BY f.rule ORDER BY f.rule`;
}

/** The first `limit` flagged orders of each rule; for brushing, the first order of each of the first bursts. */
export function orderFlagExamplesSql(d: Dialect, limit: number): string {
  return `SELECT order_id, customer_id, rule, group_id, reason FROM (
  SELECT f.*, ROW_NUMBER() OVER (PARTITION BY f.rule ORDER BY f.group_id, f.order_id) AS rn
  FROM ${d.quoteIdent('order_flags')} f
  WHERE f.group_id IS NULL OR f.group_id = f.order_id
) x WHERE rn <= ${Math.trunc(limit)} ORDER BY rule, rn`;
}

export function refundFlagSummarySql(d: Dialect): string {
  const q = d.quoteIdent;
  return `SELECT f.rule, count(*) AS n, COALESCE(sum(r.amount), 0) AS amount
FROM ${q('refund_flags')} f JOIN ${q('refunds')} r ON r.refund_id = f.refund_id
GROUP BY f.rule ORDER BY f.rule`;
}

export function refundFlagExamplesSql(d: Dialect, limit: number): string {
  return `SELECT refund_id, order_id, rule, reason FROM (
  SELECT f.*, ROW_NUMBER() OVER (PARTITION BY f.rule ORDER BY f.refund_id) AS rn
  FROM ${d.quoteIdent('refund_flags')} f
) x WHERE rn <= ${Math.trunc(limit)} ORDER BY rule, rn`;
}
