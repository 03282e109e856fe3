import { z } from 'zod';
import { TAGS, TIERS } from '../tiering/tiers.js';

/** A label in both languages of the dashboard. */
export const BilingualSchema = z.object({ zh: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof BilingualSchema>;

export const TierSchema = z.enum(TIERS);
export const TagSchema = z.enum(TAGS);

/** A run as the insights name it: its id and as-of date. */
export const RunRefSchema = z.object({ runId: z.string(), asOf: z.string() });
export type RunRef = z.infer<typeof RunRefSchema>;

/** A value of this run, the same value in the previous run, and `value − previous` (null when either is). */
export const ChangeSchema = z.object({
  value: z.number().nullable(),
  previous: z.number().nullable(),
  change: z.number().nullable(),
});
export type Change = z.infer<typeof ChangeSchema>;

/** Customers per tier (excluded customers are not counted). */
export const TierCountsSchema = z.object({
  platinum: z.number().int(),
  gold: z.number().int(),
  silver: z.number().int(),
  bronze: z.number().int(),
});
export type TierCounts = z.infer<typeof TierCountsSchema>;

/** The account manager who owns a customer (customer_owners). */
export const OwnerSchema = z.object({
  repId: z.string(),
  repName: z.string().nullable(),
  team: z.string(),
});
export type Owner = z.infer<typeof OwnerSchema>;
