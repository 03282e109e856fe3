import { z } from 'zod';
import { parseArgument } from '../errors.js';

const DAY_MS = 86_400_000;

const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => Number.isFinite(dayNumber(s)) && isoDay(dayNumber(s)) === s, 'is not a calendar date');

/** What one feature computation depends on: the as-of date, the two windows and the unit. */
export const FeatureParamsSchema = z
  .object({
    /** Last day seen (YYYY-MM-DD, in the session time zone). */
    asOf: IsoDate,
    longDays: z.number().int().min(1).max(36_500),
    shortDays: z.number().int().min(1).max(36_500),
    unit: z.enum(['customer', 'chain']),
  })
  .refine((p) => p.shortDays <= p.longDays, {
    message: 'shortDays must not exceed longDays',
    path: ['shortDays'],
  });

export type FeatureParams = z.infer<typeof FeatureParamsSchema>;

/** Days after an order within which another order counts as a repurchase. */
export const REPURCHASE_DAYS = 30;
/** Frequency is expressed per this many days. */
export const FREQUENCY_PERIOD_DAYS = 30;
/** Growth is NULL when the previous short window's net purchases are below this (yuan). */
export const GROWTH_MIN_BASE = 1000;

/**
 * The calendar days bounding every window, as YYYY-MM-DD. A window [from, to] covers whole days: timestamps
 * from the start of `from` to before the start of the day after `to`, in the session time zone.
 */
export interface FeatureWindows {
  readonly asOf: string;
  /** The day after asOf: every timestamp seen is before its start. */
  readonly cutoff: string;
  /** First day of the long window (longDays days ending on asOf). */
  readonly longStart: string;
  /** First day of the short window (shortDays days ending on asOf). */
  readonly shortStart: string;
  /** First day of the short window before the short window (for growth). */
  readonly previousStart: string;
  /** First day of the order scan: the earlier of longStart and previousStart. */
  readonly scanStart: string;
  /** Orders placed before the start of this day have REPURCHASE_DAYS of hindsight before the cutoff. */
  readonly hindsightEnd: string;
}

/** Validates the parameters (they are inlined into SQL) and derives the window bounds. */
export function featureWindows(params: FeatureParams): FeatureWindows {
  const { asOf, longDays, shortDays } = parseArgument(FeatureParamsSchema, params, 'feature parameter');
  const d = dayNumber(asOf);
  const longStart = d - longDays + 1;
  const previousStart = d - 2 * shortDays + 1;
  return {
    asOf,
    cutoff: isoDay(d + 1),
    longStart: isoDay(longStart),
    shortStart: isoDay(d - shortDays + 1),
    previousStart: isoDay(previousStart),
    scanStart: isoDay(Math.min(longStart, previousStart)),
    hindsightEnd: isoDay(d + 1 - REPURCHASE_DAYS),
  };
}
