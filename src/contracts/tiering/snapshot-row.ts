import { z } from 'zod';
import { ATTRIBUTES, FEATURE_NAMES } from './features.js';
import { TIER_REASONS } from './pipeline-tables.js';
import { TAGS, TIERS } from './tiers.js';

const nullableNumber = z.number().nullable();

/** A row of tier_snapshots as the engine returns it, parsed at the boundary. */
export const SnapshotRowSchema = z.object({
  run_id: z.string(),
  customer_id: z.string(),
  ...Object.fromEntries(ATTRIBUTES.map((a) => [a, z.string().nullable()])),
  ...Object.fromEntries(FEATURE_NAMES.map((f) => [f, nullableNumber])),
  score: nullableNumber,
  model_scores: z.array(nullableNumber).nullable(),
  terms: z.array(z.number()).nullable(),
  segment: z.string().nullable(),
  rank_pct: nullableNumber,
  candidate_tier: z.enum(TIERS).nullable(),
  candidate_streak: nullableNumber,
  tier: z.enum(TIERS).nullable(),
  tier_reason: z.enum(TIER_REASONS).nullable(),
  tags: z.array(z.enum(TAGS)).nullable(),
  tag_reasons: z.array(z.string()).nullable(),
  dedicated_manager: z.boolean().nullable(),
  delivery_priority: nullableNumber,
  custom_assortment: z.boolean().nullable(),
  visits_per_month: nullableNumber,
  discount_pct: nullableNumber,
  rebate_pct: nullableNumber,
  payment_terms: z.enum(['monthly', 'weekly', 'prepaid']).nullable(),
  credit_limit: nullableNumber,
  deposit_pct: nullableNumber,
  actions: z.array(z.string()).nullable(),
  /** Absent in rows read before migration 15 added the column. */
  pilot: z.string().nullable().default(null),
});

export type SnapshotRow = z.infer<typeof SnapshotRowSchema> &
  Record<(typeof FEATURE_NAMES)[number], number | null> &
  Record<(typeof ATTRIBUTES)[number], string | null>;
