import { assertUnreachable } from '../assert-unreachable.js';
import type { ModelSpec } from './config.js';
import { FEATURES, type FeatureName } from './features.js';

/**
 * The terms of each model kind, shared by the pure scorer (src/domain/tiering) and the SQL scorer
 * (src/sql/tiering/scoring) so that both read one definition. The snapshot's `terms` column holds one
 * normalised value per term, in this order; explanations read it back with the same list.
 */

/** The seed RFM rule: recency, frequency and monetary cut into steps, capped, then weighted 0.4/0.3/0.3. */
export const SEED_RFM = {
  /** r = 5 − min(floor(recency_days / 30), 4); no order at all (recency NULL) → r = 1. */
  recencyStepDays: 30,
  recencyMaxSteps: 4,
  /** f = min(floor(orders / 10), 5). */
  ordersStep: 10,
  /** m = min(floor(monetary / 10 000), 5); a net-negative monetary counts as 0. */
  monetaryStep: 10_000,
  cap: 5,
  /** Integer weights over 10: score = (4 r + 3 f + 3 m) / 10, exact and equal in every engine. */
  weightsOver10: { r: 4, f: 3, m: 3 },
} as const;

export type WeightedNormalisation = 'percentile' | 'minmax' | 'zscore';
export interface WeightedTerm {
  readonly feature: FeatureName;
  readonly weight: number;
  readonly normalize: WeightedNormalisation;
}

/**
 * Presets of the weighted model. Weights sum to 1; lower-is-better features (FEATURES[f].better) are flipped by
 * the normaliser, so every weight here is positive. Percentiles throughout: robust to the heavy tails of money.
 */
export const WEIGHTED_PRESETS = {
  /** Who earns us money and pays for it on time, at a low cost to serve. */
  profit: [
    { feature: 'margin', weight: 0.35, normalize: 'percentile' },
    { feature: 'on_time_payment_rate', weight: 0.2, normalize: 'percentile' },
    { feature: 'aov', weight: 0.1, normalize: 'percentile' },
    { feature: 'return_rate', weight: 0.1, normalize: 'percentile' },
    { feature: 'days_past_due', weight: 0.1, normalize: 'percentile' },
    { feature: 'delivery_cost', weight: 0.1, normalize: 'percentile' },
    { feature: 'credit_score', weight: 0.05, normalize: 'percentile' },
  ],
  /** Who is growing, buys often and again, fulfils contracts, and sits in a district with room to grow. */
  growth: [
    { feature: 'growth', weight: 0.3, normalize: 'percentile' },
    { feature: 'frequency', weight: 0.15, normalize: 'percentile' },
    { feature: 'monetary_recent', weight: 0.15, normalize: 'percentile' },
    { feature: 'repurchase_rate', weight: 0.1, normalize: 'percentile' },
    { feature: 'contract_fulfilment', weight: 0.1, normalize: 'percentile' },
    { feature: 'competition_index', weight: 0.1, normalize: 'percentile' },
    { feature: 'tenure_days', weight: 0.05, normalize: 'percentile' },
    { feature: 'seats', weight: 0.05, normalize: 'percentile' },
  ],
} as const satisfies Record<'profit' | 'growth', readonly WeightedTerm[]>;

export type ModelTerm =
  | {
      readonly kind: 'seed_rfm';
      readonly key: 'r' | 'f' | 'm';
      readonly feature: FeatureName;
      readonly weight: number;
    }
  | {
      readonly kind: 'quintile';
      readonly key: 'R' | 'F' | 'M';
      readonly feature: FeatureName;
      readonly weight: number;
    }
  | ({ readonly kind: 'weighted'; readonly key: FeatureName } & WeightedTerm);

/** The terms of a model, in the order of the snapshot's `terms` array. */
export function modelTerms(spec: ModelSpec): readonly ModelTerm[] {
  switch (spec.kind) {
    case 'seed_rfm':
      return [
        { kind: 'seed_rfm', key: 'r', feature: 'recency_days', weight: 0.4 },
        { kind: 'seed_rfm', key: 'f', feature: 'orders', weight: 0.3 },
        { kind: 'seed_rfm', key: 'm', feature: 'monetary', weight: 0.3 },
      ];
    case 'rfm_quintile':
      return [
        { kind: 'quintile', key: 'R', feature: 'recency_days', weight: 1 },
        { kind: 'quintile', key: 'F', feature: 'orders', weight: 1 },
        { kind: 'quintile', key: 'M', feature: 'monetary', weight: 1 },
      ];
    case 'weighted':
      return weightedTerms(spec.features ?? WEIGHTED_PRESETS[spec.preset ?? 'profit'], 1);
    case 'predicted_clv': {
      const blend = spec.blend;
      const share = blend?.weight ?? 0;
      const own = weightedTerms(
        [{ feature: 'predicted_margin', weight: 1, normalize: 'percentile' }],
        1 - share,
      );
      if (!blend) return own;
      const terms = blend.features ?? WEIGHTED_PRESETS[blend.preset ?? 'profit'];
      return [...own, ...weightedTerms(terms, share / terms.reduce((sum, t) => sum + Math.abs(t.weight), 0))];
    }
    default:
      return assertUnreachable(spec, 'model kind');
  }
}

function weightedTerms(terms: readonly WeightedTerm[], scale: number): ModelTerm[] {
  return terms.map((t) => ({
    kind: 'weighted',
    key: t.feature,
    feature: t.feature,
    weight: t.weight * scale,
    normalize: t.normalize,
  }));
}

/** Whether a model reads the predicted_margin feature, which the run then fits CLV models to fill. */
export const readsPredictions = (spec: ModelSpec): boolean =>
  modelTerms(spec).some((t) => t.feature === 'predicted_margin');

/** The divisor of a model's weighted sum: Σ|wᵢ| (1 for seed_rfm, whose weights sum to 1; 3 for quintiles). */
export const termScale = (terms: readonly ModelTerm[]): number =>
  terms.reduce((sum, t) => sum + Math.abs(t.weight), 0);

/** Whether a feature is flipped so that higher is better. */
export const isFlipped = (feature: FeatureName): boolean => FEATURES[feature].better === 'lower';

/**
 * The model whose RFM segment fills the `segment` column: the primary model if it is rfm_quintile, else the first
 * rfm_quintile model in the configuration, else none.
 */
export function segmentModelName(
  models: Readonly<Record<string, ModelSpec>>,
  primary: string,
): string | null {
  if (models[primary]?.kind === 'rfm_quintile') return primary;
  return Object.keys(models).find((name) => models[name]?.kind === 'rfm_quintile') ?? null;
}
