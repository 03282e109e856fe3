import { addDays } from '../../contracts/time/iso-date.js';
import type { Dialect } from '../dialects/dialect.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `DATE 'YYYY-MM-DD'` of a checked ISO date. */
export function dateLiteral(iso: string): string {
  if (!DATE.test(iso)) throw new Error(`expected a date YYYY-MM-DD, got "${iso}"`);
  return `DATE '${iso}'`;
}

/** A line's value: quantity × unit price − discount, before refunds. */
export const lineValue = (l: string) =>
  `(CAST(${l}.quantity AS DOUBLE PRECISION) * CAST(${l}.unit_price AS DOUBLE PRECISION) - COALESCE(CAST(${l}.discount AS DOUBLE PRECISION), 0))`;

/**
 * FROM … WHERE of the completed orders of orders_clean (alias o) joined with their lines of order_lines_clean (alias
 * l), placed on the days `firstDay` … `lastDay` in the business time zone; `joins` are joined before the WHERE.
 */
export function completedLinesFrom(d: Dialect, firstDay: string, lastDay: string, joins = ''): string {
  const q = d.quoteIdent;
  return `${q('orders_clean')} o
JOIN ${q('order_lines_clean')} l ON l.order_id = o.order_id
${joins}
WHERE o.status = 'completed'
  AND o.ordered_at >= ${d.startOfDay(dateLiteral(firstDay))}
  AND o.ordered_at < ${d.startOfDay(dateLiteral(addDays(lastDay, 1)))}`;
}
