import type { ModelSpec } from '../../../contracts/tiering/config.js';
import type { FeatureVector } from '../../../contracts/tiering/features.js';
import { segmentModelName } from '../../../contracts/tiering/model-terms.js';
import type { Tier } from '../../../contracts/tiering/tiers.js';
import { decideTier } from '../scoring/decide-tier.js';
import type { PreviousTier } from '../scoring/hysteresis.js';
import { activeOverrides, type TierOverride } from '../scoring/overrides.js';
import {
  inactiveTier,
  rankedTier,
  rankInputOf,
  type RuleTier,
  type TiersConfig,
} from '../scoring/quota-tiers.js';
import type { ScoredCustomer, ScoringConfig } from '../scoring/score-customers.js';
import { rfmSegment, termsScore } from '../scoring/score-model.js';
import { seedTerms } from '../scoring/seed-rfm.js';
import type { ScoringReference } from './scoring-reference.js';
import { positionAgainst, type ScopeRanks } from './scope-ranks.js';
import { normaliseAgainst } from './term-reference.js';

export interface RescoreContext {
  /** The customer's latest decision under the run (its snapshot row or a later stream decision), if any. */
  readonly previous: PreviousTier | undefined;
  readonly overrides: readonly TierOverride[];
  /** The instant that ends the as-of day (next midnight in the business time zone), ISO 8601. */
  readonly endOfAsOf: string;
}

/**
 * Hysteresis counts runs, and a stream decision is not one: a repeated candidate keeps its streak instead of
 * growing it, so that a burst of events cannot carry a customer across a boundary the runs still hold it behind.
 */
function streamCandidateStreak(candidate: Tier | null, previous: PreviousTier | undefined): number | null {
  if (candidate === null) return null;
  return previous && previous.candidateTier === candidate ? (previous.candidateStreak ?? 1) : 1;
}

/**
 * One customer scored between runs against the latest run, as if its own row in the run's population had been
 * replaced by `vector`: every other customer keeps its values and rank, minmax and zscore keep the run's
 * quantiles and moments. The reference must have been built with the same configuration.
 */
export function rescoreCustomer(
  reference: ScoringReference,
  config: ScoringConfig,
  vector: FeatureVector,
  context: RescoreContext,
): ScoredCustomer {
  if (reference.ranks.scope !== config.tiers.scope) {
    throw new Error(
      `the scoring reference ranks by scope "${reference.ranks.scope}", not "${config.tiers.scope}"`,
    );
  }
  const row = reference.rowOf.get(vector.customerId);
  const byModel = new Map(
    Object.entries(config.models).map(([name, spec]) => [
      name,
      modelAgainst(reference, name, spec, vector, row),
    ]),
  );
  const primary = byModel.get(config.primaryModel);
  if (!primary) throw new Error(`primaryModel "${config.primaryModel}" is not a configured model`);
  const segmentName = segmentModelName(config.models, config.primaryModel);
  const quintiles = segmentName === null ? undefined : byModel.get(segmentName)?.terms;
  const rule = ruleAgainst(reference.ranks, config.tiers, vector, primary.score, row);
  const override = activeOverrides(context.overrides, context.endOfAsOf).get(vector.customerId);

  return {
    customerId: vector.customerId,
    score: primary.score,
    modelScores: Object.fromEntries([...byModel].map(([name, m]) => [name, m.score])),
    terms: primary.terms,
    segment: quintiles ? rfmSegment(...(quintiles as readonly [number, number, number])) : null,
    ...decideTier(rule, context.previous, override, config.tiers, streamCandidateStreak),
  };
}

function modelAgainst(
  reference: ScoringReference,
  name: string,
  spec: ModelSpec,
  vector: FeatureVector,
  row: number | undefined,
): { readonly terms: readonly number[]; readonly score: number } {
  const refs = reference.models.get(name);
  if (!refs) throw new Error(`model "${name}" is not in the scoring reference`);
  const terms =
    spec.kind === 'seed_rfm'
      ? seedTerms(vector)
      : refs.map((t) => normaliseAgainst(t, vector[t.feature], row));
  return { terms, score: termsScore(spec)(terms) };
}

/** The rule tier: ranked among the run's other active customers of its scope, or inactive. */
function ruleAgainst(
  ranks: ScopeRanks,
  tiers: TiersConfig,
  vector: FeatureVector,
  score: number,
  row: number | undefined,
): RuleTier {
  const probe = rankInputOf(vector, score, tiers.scope);
  if (!probe.active) return inactiveTier(vector.customerId, tiers);
  const { position, scopeSize } = positionAgainst(ranks, row, probe);
  return rankedTier(probe, position, scopeSize, tiers);
}
