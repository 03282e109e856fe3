import type { TieringConfig } from '../../../contracts/tiering/config.js';
import type { FeatureVector } from '../../../contracts/tiering/features.js';
import { segmentModelName } from '../../../contracts/tiering/model-terms.js';
import type { TierReason } from '../../../contracts/tiering/pipeline-tables.js';
import type { RfmSegment } from '../../../contracts/tiering/rfm-segments.js';
import type { Tier } from '../../../contracts/tiering/tiers.js';
import { decideTier } from './decide-tier.js';
import type { PreviousTier } from './hysteresis.js';
import { activeOverrides, type TierOverride } from './overrides.js';
import { rankInputOf, ruleTiers, type RuleTier } from './quota-tiers.js';
import { scoreModel, type ModelScores } from './score-model.js';

export type ScoringConfig = Pick<TieringConfig, 'models' | 'primaryModel' | 'tiers'>;

export interface ScoringContext {
  /** previous_snapshot by customer id (empty on a first run). */
  readonly previous: ReadonlyMap<string, PreviousTier>;
  readonly overrides: readonly TierOverride[];
  /** The instant that ends the as-of day (next midnight in the business time zone), ISO 8601. */
  readonly endOfAsOf: string;
}

/** One row of tiering_scored. */
export interface ScoredCustomer {
  readonly customerId: string;
  readonly score: number;
  readonly modelScores: Readonly<Record<string, number>>;
  readonly terms: readonly number[];
  readonly segment: RfmSegment | null;
  readonly rankPct: number | null;
  readonly candidateTier: Tier | null;
  readonly candidateStreak: number | null;
  readonly tier: Tier | null;
  readonly tierReason: TierReason;
}

/**
 * The whole scoring step in memory: every model, quota tiers within scopes, minScore, inactive customers,
 * hysteresis and overrides. The oracle of scoringSql, which must give the same rows.
 */
export function scoreCustomers(
  config: ScoringConfig,
  vectors: readonly FeatureVector[],
  context: ScoringContext,
): ScoredCustomer[] {
  const names = Object.keys(config.models);
  const byModel = new Map<string, ModelScores>(
    names.map((name) => [
      name,
      scoreModel(config.models[name] as NonNullable<(typeof config.models)[string]>, vectors),
    ]),
  );
  const primary = byModel.get(config.primaryModel);
  if (!primary) throw new Error(`primaryModel "${config.primaryModel}" is not a configured model`);
  const segmentName = segmentModelName(config.models, config.primaryModel);
  const segments = segmentName === null ? null : (byModel.get(segmentName)?.segments ?? null);

  const rules = ruleTiers(
    vectors.map((v, i) => rankInputOf(v, primary.scores[i] as number, config.tiers.scope)),
    config.tiers,
  );
  const overrides = activeOverrides(context.overrides, context.endOfAsOf);

  return vectors.map((v, i) => ({
    customerId: v.customerId,
    score: primary.scores[i] as number,
    modelScores: Object.fromEntries(names.map((n) => [n, byModel.get(n)?.scores[i] as number])),
    terms: primary.terms[i] as readonly number[],
    segment: segments?.[i] ?? null,
    ...decideTier(
      rules[i] as RuleTier,
      context.previous.get(v.customerId),
      overrides.get(v.customerId),
      config.tiers,
    ),
  }));
}
