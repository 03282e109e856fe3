import { dayOf, yearMonth } from './calendar.js';

/** Spring Festival (Chinese New Year's Day) dates: restaurants close or slow down for about two weeks. */
export const SPRING_FESTIVAL = [
  '2019-02-05',
  '2020-01-25',
  '2021-02-12',
  '2022-02-01',
  '2023-01-22',
  '2024-02-10',
  '2025-01-29',
  '2026-02-17',
  '2027-02-06',
  '2028-01-26',
  '2029-02-13',
  '2030-02-03',
].map(dayOf);

/** How a cuisine's demand moves over the year. */
export type SeasonProfile = 'neutral' | 'summer' | 'winter';

/** Month factors (Jan…Dec): a summer peak for most, stronger for barbecue, reversed for hot pot. */
const MONTH_FACTORS: Record<SeasonProfile, readonly number[]> = {
  neutral: [0.95, 0.95, 0.98, 1.0, 1.03, 1.08, 1.12, 1.12, 1.04, 1.02, 0.97, 0.99],
  summer: [0.8, 0.8, 0.9, 1.0, 1.12, 1.3, 1.4, 1.38, 1.15, 1.0, 0.85, 0.8],
  winter: [1.2, 1.15, 1.05, 0.95, 0.88, 0.85, 0.85, 0.86, 0.95, 1.05, 1.15, 1.25],
};

/** Ordering factor around one Spring Festival, by days from New Year's Day. */
function springFestivalFactor(offset: number): number {
  if (offset < -21 || offset > 16) return 1;
  if (offset < -8) return 1.12; // stocking up for banquets (年夜饭)
  if (offset < -2) return 0.85;
  if (offset <= 6) return 0.25; // closed for the holiday
  return 0.45 + (0.55 * (offset - 6)) / 10; // reopening
}

/** Ordering factor by weekday (Mon…Sun): restaurants stock up before the weekend. */
export const WEEKDAY_FACTORS = [1.0, 1.0, 1.05, 1.15, 1.2, 0.9, 0.7] as const;

/** Daily demand factor of each day of the period for one season profile (index = day − firstDay). */
export function seasonCurve(profile: SeasonProfile, firstDay: number, lastDay: number): Float64Array {
  const out = new Float64Array(lastDay - firstDay + 1);
  const months = MONTH_FACTORS[profile];
  for (let day = firstDay; day <= lastDay; day++) {
    const { month } = yearMonth(day);
    let f = months[month - 1] ?? 1;
    for (const sf of SPRING_FESTIVAL) {
      const offset = day - sf;
      if (offset >= -21 && offset <= 16) f *= springFestivalFactor(offset);
    }
    out[day - firstDay] = f;
  }
  return out;
}
