import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { memberLinesCtes, subjectCte, type ProfileDays } from './profile-members-sql.js';

const subjectLines = (d: Dialect, days: ProfileDays) =>
  `${subjectCte(d)},
${memberLinesCtes(d, null, { subjectFrom: days.from, peersFrom: days.from, to: days.to })}`;

/** The customer's orders in the window by ISO weekday (1 = Monday) and hour, in the session time zone. */
export function orderTimesSql(d: Dialect, customerId: string, days: ProfileDays): SqlQuery {
  return sql(
    `WITH ${subjectLines(d, days)},
placed AS (SELECT DISTINCT order_id, ordered_at FROM lines)
SELECT ${d.weekdayOf('ordered_at')} AS weekday, ${d.hourOf('ordered_at')} AS hour, count(*) AS orders
FROM placed
GROUP BY 1, 2
ORDER BY 1, 2`,
    [customerId],
  );
}

/**
 * The gaps in days between the customer's consecutive days with orders in the window: their number, median and
 * quartiles (NULL without gaps).
 */
export function orderGapsSql(d: Dialect, customerId: string, days: ProfileDays): SqlQuery {
  const gap = (p: number) => `percentile_cont(${p}) WITHIN GROUP (ORDER BY gap)`;
  return sql(
    `WITH ${subjectLines(d, days)},
order_days AS (SELECT DISTINCT ${d.dateOf('ordered_at')} AS day FROM lines),
gaps AS (
  SELECT CAST(${d.daysBetween('LAG(day) OVER (ORDER BY day)', 'day')} AS DOUBLE PRECISION) AS gap FROM order_days
)
SELECT count(gap) AS gaps, ${gap(0.25)} AS q1, ${gap(0.5)} AS median, ${gap(0.75)} AS q3
FROM gaps WHERE gap IS NOT NULL`,
    [customerId],
  );
}
