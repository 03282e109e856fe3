import { dayOf, isoDate } from '../generation/calendar.js';

/**
 * The as-of dates of a backfill from `from` to `to` inclusive: every 7 days from `from`, or the same day of each
 * month (clamped to the month's last day, e.g. 31 Jan → 29 Feb → 31 Mar).
 */
export function backfillDates(from: string, to: string, every: 'week' | 'month'): string[] {
  const last = dayOf(to);
  const dates: string[] = [];
  if (every === 'week') {
    for (let day = dayOf(from); day <= last; day += 7) dates.push(isoDate(day));
    return dates;
  }
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  for (let i = 0; ; i++) {
    const year = y + Math.floor((m - 1 + i) / 12);
    const month = ((m - 1 + i) % 12) + 1;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const date = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, daysInMonth)).padStart(2, '0')}`;
    if (dayOf(date) > last) return dates;
    dates.push(date);
  }
}
