import { z } from 'zod';

const DAY_MS = 86_400_000;
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
/** 0 = Monday … 6 = Sunday, for days since 1970-01-01 (a Thursday), negative ones too. */
const weekday = (day: number): number => (((day + 3) % 7) + 7) % 7;

/** An ISO 8601 week: year and week number (1–52 or 53). */
export interface IsoWeek {
  readonly year: number;
  readonly week: number;
}

/** Days since 1970-01-01 of the Monday of ISO week 1 (the week that holds 4 January). */
function week1Monday(year: number): number {
  const jan4 = Math.round(Date.UTC(year, 0, 4) / DAY_MS);
  return jan4 - weekday(jan4);
}

/** 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or on a Wednesday in a leap year. */
export function weeksInIsoYear(year: number): number {
  return (week1Monday(year + 1) - week1Monday(year)) / 7;
}

const weekMessage = 'expected an ISO week YYYY-Www, e.g. 2026-W48';

/** An ISO week written YYYY-Www (2026-W48); week 00 and a week 53 the year does not have are refused. */
export const IsoWeekSchema = z
  .string()
  .regex(ISO_WEEK, weekMessage)
  .superRefine((s, ctx) => {
    const m = ISO_WEEK.exec(s);
    if (!m) return;
    const year = Number(m[1]);
    const week = Number(m[2]);
    const last = weeksInIsoYear(year);
    if (week < 1 || week > last)
      ctx.addIssue({ code: 'custom', message: `${s} is not a week: ${year} has ISO weeks W01 to W${last}` });
  });

/** Parses YYYY-Www; throws an Error that says what is wrong. */
export function parseIsoWeek(text: string): IsoWeek {
  const parsed = IsoWeekSchema.safeParse(text);
  if (!parsed.success) throw new Error(`"${text}": ${parsed.error.issues[0]?.message ?? weekMessage}`);
  const m = ISO_WEEK.exec(text);
  return { year: Number(m?.[1]), week: Number(m?.[2]) };
}

export function formatIsoWeek(w: IsoWeek): string {
  return `${String(w.year).padStart(4, '0')}-W${String(w.week).padStart(2, '0')}`;
}

/** The Monday of an ISO week as an ISO date. */
export function isoWeekMonday(w: IsoWeek): string {
  return new Date((week1Monday(w.year) + (w.week - 1) * 7) * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO week a calendar date (YYYY-MM-DD) falls in: 2026-01-01 → 2026-W01, 2027-01-01 → 2026-W53. */
export function isoWeekOfDate(isoDate: string): IsoWeek {
  const day = Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
  if (!Number.isFinite(day)) throw new Error(`not an ISO date: ${isoDate}`);
  const thursday = day - weekday(day) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  return { year, week: 1 + Math.floor((thursday - week1Monday(year)) / 7) };
}
