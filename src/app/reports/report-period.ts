import type { ReportPeriod } from '../../contracts/reports/report-request.js';
import { addDays } from '../../contracts/time/iso-date.js';
import { formatIsoWeek, isoWeekMonday, isoWeekOfDate } from '../../contracts/time/iso-week.js';

/** The calendar span a report covers, with its label (2025-W23, 2025-06) and the span before it. */
export interface ReportSpan {
  readonly period: ReportPeriod;
  readonly label: string;
  readonly start: string;
  readonly end: string;
}

const monthStart = (isoDate: string): string => `${isoDate.slice(0, 7)}-01`;

function nextMonthStart(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** The ISO week (Monday–Sunday) or the calendar month that holds `asOf`. */
export function reportSpan(period: ReportPeriod, asOf: string): ReportSpan {
  if (period === 'week') {
    const week = isoWeekOfDate(asOf);
    const start = isoWeekMonday(week);
    return { period, label: formatIsoWeek(week), start, end: addDays(start, 6) };
  }
  const start = monthStart(asOf);
  return { period, label: asOf.slice(0, 7), start, end: addDays(nextMonthStart(asOf), -1) };
}

/** The span just before `span`. */
export const previousSpan = (span: ReportSpan): ReportSpan =>
  reportSpan(span.period, addDays(span.start, -1));

/** The span and the `count - 1` before it, oldest first. */
export function recentSpans(span: ReportSpan, count: number): ReportSpan[] {
  const spans = [span];
  while (spans.length < count) spans.unshift(previousSpan(spans[0] as ReportSpan));
  return spans;
}
