import type { TAG_FEATURES } from '../../../contracts/tiering/tag-features.js';
import type { TagName, Tier } from '../../../contracts/tiering/tiers.js';

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
