import { z } from 'zod';

const DAY_MS = 86_400_000;

/** A calendar date written YYYY-MM-DD (2025-02-30 is refused). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(
    // Also runs after a failed regex (zod reports every issue), where Date.parse gives NaN.
    (s) => {
      const ms = Date.parse(`${s}T00:00:00Z`);
      return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(s);
    },
    'is not a calendar date',
  );

/** The calendar date `days` after (or before, when negative) an ISO date. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
