import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/**
 * A relation of purchases with the columns customer_id (text), day (DATE), amount and margin (numbers; margin
 * may be NULL): the orders of a stratum database, or the rows of a transaction file.
 */
export interface TransactionSource {
  /** A parenthesised subquery or a quoted table name. */
  readonly relation: string;
}

export interface SummaryWindow {
  /** Last day of the calibration period (inclusive), YYYY-MM-DD. */
  readonly calibrationEnd: string;
  /** Last day of the holdout period (inclusive); none: no holdout columns are counted. */
  readonly holdoutEnd?: string;
  /** Days per time unit of x, t_x and T (1 or 7). */
  readonly periodDays: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The date itself, once checked to be YYYY-MM-DD (the CLV builders inline their dates). */
export function checkedDate(iso: string): string {
  if (!DATE.test(iso)) throw new Error(`expected a date YYYY-MM-DD, got "${iso}"`);
  return iso;
}

export const dateLiteral = (iso: string): string => `DATE '${checkedDate(iso)}'`;

/**
 * Per customer first seen by the calibration end, as Fader & Hardie define the summary (and lifetimes computes it):
 * purchases on one day merged into one; x = purchase days in calibration − 1; t_x = last − first purchase day and
 * T = calibration end − first purchase day, in periods (half a day for a customer first seen on the calibration end,
 * who has been observed for part of it: the models need T > 0); zbar and margin_bar = amount and margin per repeat day
 * (the first day excluded), NULL when x = 0; x_holdout and amount_holdout = purchase days and amount after the
 * calibration end up to the holdout end. Ordered by customer_id.
 */
export function customerSummarySql(d: Dialect, source: TransactionSource, w: SummaryWindow): SqlQuery {
  const cal = dateLiteral(w.calibrationEnd);
  const end = w.holdoutEnd === undefined ? cal : dateLiteral(w.holdoutEnd);
  const per = (days: string) => `CAST(${days} AS DOUBLE PRECISION) / ${w.periodDays}`;
  return sql(`WITH purchase_days AS (
  SELECT customer_id, day, sum(amount) AS amount, sum(margin) AS margin
  FROM ${source.relation} t
  WHERE day <= ${end}
  GROUP BY customer_id, day
), calibration AS (
  SELECT customer_id, min(day) AS first_day, max(day) AS last_day, count(*) - 1 AS x
  FROM purchase_days
  WHERE day <= ${cal}
  GROUP BY customer_id
)
SELECT c.customer_id, c.x,
       ${per(d.daysBetween('c.first_day', 'c.last_day'))} AS t_x,
       ${per(`GREATEST(${d.daysBetween('c.first_day', cal)}, 0.5)`)} AS "T",
       CAST(sum(p.amount) FILTER (WHERE p.day > c.first_day AND p.day <= ${cal}) AS DOUBLE PRECISION) / NULLIF(c.x, 0) AS zbar,
       CAST(sum(p.margin) FILTER (WHERE p.day > c.first_day AND p.day <= ${cal}) AS DOUBLE PRECISION) / NULLIF(c.x, 0) AS margin_bar,
       CAST(sum(p.amount) FILTER (WHERE p.day <= ${cal}) AS DOUBLE PRECISION) AS amount_calibration,
       CAST(sum(p.margin) FILTER (WHERE p.day <= ${cal}) AS DOUBLE PRECISION) AS margin_calibration,
       count(*) FILTER (WHERE p.day > ${cal}) AS x_holdout,
       COALESCE(CAST(sum(p.amount) FILTER (WHERE p.day > ${cal}) AS DOUBLE PRECISION), 0) AS amount_holdout,
       COALESCE(CAST(sum(p.margin) FILTER (WHERE p.day > ${cal}) AS DOUBLE PRECISION), 0) AS margin_holdout
FROM calibration c
JOIN purchase_days p ON p.customer_id = c.customer_id
GROUP BY c.customer_id, c.x, c.first_day, c.last_day
ORDER BY c.customer_id`);
}

/**
 * The same histories grouped in the engine: one row per distinct (x, t_x, T) with the number of customers, so
 * that a fit to a million customers reads thousands of rows.
 */
export function groupedHistoriesSql(d: Dialect, source: TransactionSource, w: SummaryWindow): SqlQuery {
  const summary = customerSummarySql(d, source, {
    calibrationEnd: w.calibrationEnd,
    periodDays: w.periodDays,
  });
  return sql(`SELECT s.x, s.t_x, s."T", count(*) AS n
FROM (${summary.sql}) s
GROUP BY s.x, s.t_x, s."T"
ORDER BY s.x, s.t_x, s."T"`);
}

/** First and last purchase day of the source, to default the calibration split. */
export function transactionSpanSql(source: TransactionSource): SqlQuery {
  return sql(`SELECT CAST(min(day) AS VARCHAR) AS first_day, CAST(max(day) AS VARCHAR) AS last_day, count(*) AS n
FROM ${source.relation} t`);
}
