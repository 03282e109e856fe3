import { UNKNOWN_CITY, UNTIERED } from '../../contracts/forecast/forecast.js';
import { addDays } from '../../contracts/time/iso-date.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { customerLabelsRelation } from './customer-labels.js';
import { completedLinesFrom, dateLiteral, lineValue } from './order-lines.js';
import { orderLineTransactions } from './line-transactions.js';

export interface WeeklyDemandWindow {
  /** Week 1 is the 7 days after this day, week 0 the 7 days up to it. */
  readonly asOf: string;
  readonly fromWeek: number;
  readonly toWeek: number;
  /** The tiering run whose tiers label the rows, or null (all 'untiered'). */
  readonly runId: string | null;
  /** Only the customers who had (known) or had not (new) bought, an order with lines, by the end of day `by`. */
  readonly customers?: { readonly kind: 'known' | 'new'; readonly by: string };
}

/**
 * Line value and quantity actually ordered per week × category × city × tier, the customers labelled as in
 * customerLabelsRelation (city '(unknown)' and 'untiered' for a customer missing from customers_clean).
 */
export function weeklyDemandSql(d: Dialect, w: WeeklyDemandWindow): SqlQuery {
  if (!(Number.isInteger(w.fromWeek) && Number.isInteger(w.toWeek) && w.fromWeek <= w.toWeek))
    throw new Error(`expected whole weeks from ≤ to, got ${w.fromWeek} … ${w.toWeek}`);
  const day = d.dateOf('o.ordered_at');
  const daysAfter = `CAST(${d.daysBetween(dateLiteral(w.asOf), day)} AS DOUBLE PRECISION)`;
  const labels = 'LEFT JOIN labels c ON c.customer_id = o.customer_id';
  const seen = w.customers
    ? `\nLEFT JOIN (SELECT DISTINCT customer_id FROM ${orderLineTransactions(d, w.customers.by).relation} s) seen
  ON seen.customer_id = o.customer_id`
    : '';
  const only = w.customers
    ? `\n  AND seen.customer_id IS ${w.customers.kind === 'new' ? '' : 'NOT '}NULL`
    : '';
  const first = addDays(w.asOf, 7 * (w.fromWeek - 1) + 1);
  const lines = completedLinesFrom(d, first, addDays(w.asOf, 7 * w.toWeek), labels + seen);
  return sql(
    `WITH labels AS (${customerLabelsRelation(d)})
SELECT CAST(floor((${daysAfter} - 1) / 7) AS INTEGER) + 1 AS week, l.category,
       COALESCE(c.city, '${UNKNOWN_CITY}') AS city, COALESCE(c.tier, '${UNTIERED}') AS tier,
       sum(${lineValue('l')}) AS value, sum(CAST(l.quantity AS DOUBLE PRECISION)) AS quantity
FROM ${lines}${only}
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4`,
    [w.runId ?? ''],
  );
}
