import type { FeatureName, FeatureVector } from '../../../contracts/tiering/features.js';
import type { ScoringConfig } from '../scoring/score-customers.js';
import { rankedValues, type RankedValues } from './ranked-values.js';
import { buildScopeRanks, type ScopeRanks } from './scope-ranks.js';
import { termReferences, type TermReference } from './term-reference.js';

/** A customer of the reference run: its feature vector and the primary score the run gave it. */
export type ReferenceRow = FeatureVector & { readonly score: number };

/**
 * A batch run's population frozen for rescoring single customers between runs: per model the normalisation of
 * each term, and the ranking of active customers per quota scope. Column arrays rather than objects, as it may
 * hold a million customers.
 */
export interface ScoringReference {
  /** Each customer's row in the columns below. */
  readonly rowOf: ReadonlyMap<string, number>;
  /** Per configured model, its terms in modelTerms order. */
  readonly models: ReadonlyMap<string, readonly TermReference[]>;
  readonly ranks: ScopeRanks;
}

export function buildScoringReference(
  config: ScoringConfig,
  rows: readonly ReferenceRow[],
): ScoringReference {
  const customerIds = rows.map((r) => r.customerId);
  const rowOf = new Map(customerIds.map((id, i) => [id, i]));
  if (rowOf.size !== rows.length) throw new Error('a customer appears twice among the reference rows');
  // Models share features: rank each one once.
  const byFeature = new Map<FeatureName, RankedValues>();
  const ranked = (feature: FeatureName): RankedValues => {
    const known = byFeature.get(feature);
    if (known) return known;
    const values = rankedValues(rows, feature);
    byFeature.set(feature, values);
    return values;
  };
  return {
    rowOf,
    models: new Map(
      Object.entries(config.models).map(([name, spec]) => [name, termReferences(spec, ranked)]),
    ),
    ranks: buildScopeRanks(rows, customerIds, config.tiers.scope),
  };
}
