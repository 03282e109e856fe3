import { z } from 'zod';
import { IsoDateSchema } from '../time/iso-date.js';

/** What satisfaction is grouped by: the customer's tier when answering, its city, or its account manager. */
export const SATISFACTION_GROUPINGS = ['tier', 'city', 'rep'] as const;
export const SatisfactionGroupingSchema = z.enum(SATISFACTION_GROUPINGS);
export type SatisfactionGrouping = z.infer<typeof SatisfactionGroupingSchema>;

/** Days up to an answer (its own day included) in which a complaint counts as "with complaints". */
export const COMPLAINT_LOOKBACK_DAYS = 90;

const count = z.number().int().min(0);

/**
 * Survey figures of a set of responses. NPS = % promoters (9–10) − % detractors (0–6) of the NPS answers, from −100
 * to 100 (null without NPS answers); csatMean is the mean CSAT score 1–5 (null without CSAT answers).
 */
export const SatisfactionMetricsSchema = z.object({
  responses: count,
  /** Distinct customers (after merging duplicates) who answered. */
  customers: count,
  npsResponses: count,
  promoters: count,
  passives: count,
  detractors: count,
  nps: z.number().nullable(),
  csatResponses: count,
  csatMean: z.number().nullable(),
});
export type SatisfactionMetrics = z.infer<typeof SatisfactionMetricsSchema>;

/**
 * One group: `key` is the tier (null: the customer had no tier in the run used, e.g. excluded or not yet tiered), the
 * city, or the rep id (null: no account manager known); `label` names it (the rep's name, masked for callers who do
 * not see personal data).
 */
export const SatisfactionGroupSchema = SatisfactionMetricsSchema.extend({
  key: z.string().nullable(),
  label: z.string().nullable(),
});
export type SatisfactionGroup = z.infer<typeof SatisfactionGroupSchema>;

/** A calendar month `YYYY-MM` of the business time zone. */
export const MonthSchema = z.string().regex(/^\d{4}-\d{2}$/);

export const SatisfactionSchema = z.object({
  by: SatisfactionGroupingSchema,
  /** The answers counted: responded on a day from `from` to `to`, inclusive. */
  from: IsoDateSchema,
  to: IsoDateSchema,
  overall: SatisfactionMetricsSchema,
  /** Largest groups first (by responses, then key). */
  groups: z.array(SatisfactionGroupSchema),
  /** Every month of the range, in order (months without answers have zero counts). */
  months: z.array(SatisfactionMetricsSchema.extend({ month: MonthSchema })),
  /** Each group's months that have answers, by group then month. */
  groupMonths: z.array(SatisfactionGroupSchema.extend({ month: MonthSchema })),
  /** Answers with at least one complaint of the same customer in the COMPLAINT_LOOKBACK_DAYS up to them, and without. */
  complaints: z.object({
    lookbackDays: z.number().int(),
    withComplaints: SatisfactionMetricsSchema,
    withoutComplaints: SatisfactionMetricsSchema,
  }),
});
export type Satisfaction = z.infer<typeof SatisfactionSchema>;
