import type { FeatureName } from '../../../contracts/tiering/features.js';
import type { TagName, Tier } from '../../../contracts/tiering/tiers.js';

/** The features the tag rules read; a full FeatureVector fits. */
export const TAG_FEATURES = [
  'recency_days',
  'orders',
  'orders_recent',
  'growth',
  'tenure_days',
  'on_time_payment_rate',
  'days_past_due',
  'disputes_open',
  'severe_complaints',
  'credit_score',
] as const satisfies readonly FeatureName[];

export type TagFeature = (typeof TAG_FEATURES)[number];

/** One customer as the tag rules see it: features (null when undefined) and the tier of this run. */
export type TagInput = Readonly<Record<TagFeature, number | null>> & {
  /** The tier of this run; null when the customer is excluded (then no tier is "above" a rule's maxTier). */
  readonly tier: Tier | null;
};

/** The windows of the run (config.windows), which reasons quote and the churn rule divides by. */
export interface TagWindows {
  readonly longDays: number;
  readonly shortDays: number;
}

/** A human reason, in English (the text the engine writes too) and Chinese (rendered at explain time). */
export interface Reason {
  readonly en: string;
  readonly zh: string;
}

export interface TagResult {
  readonly tag: TagName;
  readonly reason: Reason;
}
