import { addDays } from '../../../contracts/time/iso-date.js';
import { isoWeekMonday, parseIsoWeek } from '../../../contracts/time/iso-week.js';
import { dayOf } from '../../generation/calendar.js';

/** The Monday weeks are counted from: 1970-01-05, the first Monday after the Unix epoch. */
export const WEEK_EPOCH_MONDAY = '1970-01-05';

/** The seven ISO dates Monday … Sunday of an ISO week (YYYY-Www). */
export function weekDates(week: string): string[] {
  const monday = isoWeekMonday(parseIsoWeek(week));
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Weeks since WEEK_EPOCH_MONDAY: consecutive ISO weeks have consecutive indices, across years too. */
export function weekIndex(week: string): number {
  const monday = isoWeekMonday(parseIsoWeek(week));
  return (dayOf(monday) - dayOf(WEEK_EPOCH_MONDAY)) / 7;
}
