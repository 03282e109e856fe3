import type { ModelSpec } from '../../../contracts/tiering/config.js';
import type { FeatureName, FeatureVector } from '../../../contracts/tiering/features.js';
import { modelTerms, termScale } from '../../../contracts/tiering/model-terms.js';
import { TIERS, type Tier } from '../../../contracts/tiering/tiers.js';

export interface TermContribution {
  /** Term name: r/f/m (seed_rfm), R/F/M (rfm_quintile) or the feature (weighted). */
  readonly term: string;
  readonly feature: FeatureName;
  /** The customer's raw feature value (null when undefined). */
  readonly value: number | null;
  /** The normalised term as stored in the snapshot's `terms` (better is higher). */
  readonly normalized: number;
  readonly weight: number;
  /** weight × normalized / Σ|weights|: the contributions add up to the score. */
  readonly contribution: number;
}

/**
 * Why a customer scored what it did: each term of the model with the customer's raw value, the normalised value
 * stored in the snapshot (`terms`, in modelTerms order) and its share of the score.
 */
export function explainScore(
  spec: ModelSpec,
  vector: FeatureVector,
  terms: readonly number[],
): TermContribution[] {
  const defs = modelTerms(spec);
  if (terms.length !== defs.length) {
    throw new Error(`model has ${defs.length} terms but the snapshot holds ${terms.length}`);
  }
  const scale = termScale(defs);
  return defs.map((t, i) => {
    const normalized = terms[i] as number;
    return {
      term: t.key,
      feature: t.feature,
      value: vector[t.feature],
      normalized,
      weight: t.weight,
      contribution: (t.weight * normalized) / scale,
    };
  });
}

export interface TierBoundary {
  /** The scope's attribute value (null for scope all or customers without it). */
  readonly scopeValue: string | null;
  readonly tier: Tier;
  /** Lowest primary score that made the tier: the cut-off. */
  readonly minScore: number;
  readonly maxScore: number;
  readonly customers: number;
}

export interface BoundaryInput {
  readonly scopeValue: string | null;
  readonly score: number;
  readonly rankPct: number | null;
  readonly candidateTier: Tier | null;
}

/**
 * Score cut-offs per scope and tier: among ranked customers, the lowest and highest score each candidate tier
 * took (before hysteresis and overrides). Same rows as tierBoundariesSql, ordered by scope (null first), tier.
 */
export function tierBoundaries(rows: readonly BoundaryInput[]): TierBoundary[] {
  const groups = new Map<
    string,
    { scopeValue: string | null; tier: Tier; min: number; max: number; n: number }
  >();
  for (const r of rows) {
    if (r.rankPct === null || r.candidateTier === null) continue;
    const key = JSON.stringify([r.scopeValue, r.candidateTier]);
    const g = groups.get(key);
    if (g) {
      g.min = Math.min(g.min, r.score);
      g.max = Math.max(g.max, r.score);
      g.n += 1;
    } else
      groups.set(key, { scopeValue: r.scopeValue, tier: r.candidateTier, min: r.score, max: r.score, n: 1 });
  }
  return [...groups.values()]
    .map((g) => ({
      scopeValue: g.scopeValue,
      tier: g.tier,
      minScore: g.min,
      maxScore: g.max,
      customers: g.n,
    }))
    .sort((a, b) => {
      if (a.scopeValue !== b.scopeValue) {
        if (a.scopeValue === null) return -1;
        if (b.scopeValue === null) return 1;
        return a.scopeValue < b.scopeValue ? -1 : 1;
      }
      return TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier);
    });
}

export interface BoundaryPlacement {
  /** The best tier of the scope whose cut-off the score reaches (bronze when it reaches none). */
  readonly tierByScore: Tier;
  /** The next tier up and how much score it still needs, or null at the top. */
  readonly nextUp: { readonly tier: Tier; readonly minScore: number; readonly gap: number } | null;
}

/**
 * Places a score against one scope's boundaries: which cut-off it reaches and which it misses. This is the
 * comparison `stratum explain` reports, and how a real-time rescore reads a run's cut-offs. Ignores hysteresis,
 * minScore lowering and overrides, which the caller reports from tier_reason.
 */
export function placeOnBoundaries(score: number, boundaries: readonly TierBoundary[]): BoundaryPlacement {
  const cut = new Map(boundaries.map((b) => [b.tier, b.minScore]));
  const reached =
    TIERS.find((t) => t !== 'bronze' && cut.has(t) && score >= (cut.get(t) as number)) ?? 'bronze';
  const above = TIERS.slice(0, TIERS.indexOf(reached))
    .filter((t) => cut.has(t))
    .at(-1);
  return {
    tierByScore: reached,
    nextUp:
      above === undefined
        ? null
        : { tier: above, minScore: cut.get(above) as number, gap: (cut.get(above) as number) - score },
  };
}
