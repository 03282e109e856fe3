import { assertUnreachable } from '../../../contracts/assert-unreachable.js';
import type { ModelSpec } from '../../../contracts/tiering/config.js';
import type { FeatureName } from '../../../contracts/tiering/features.js';
import { isFlipped, modelTerms } from '../../../contracts/tiering/model-terms.js';
import {
  minMaxRange,
  minMaxScale,
  moments,
  orientTerm,
  zScore,
  type MinMaxRange,
  type Moments,
  type RankOrder,
} from '../scoring/normalise.js';
import { quintile, quintileOrder } from '../scoring/score-model.js';
import { percentRankAgainst, type RankedValues } from './ranked-values.js';

/**
 * What normalising one term of a model needs of the frozen population: the ranked values for percentile ranks,
 * the run's winsorising quantiles for min-max, its mean and deviation for z-scores (null when the run had no
 * value of the feature: every value is then neutral, as a NULL is).
 */
export type TermReference = { readonly feature: FeatureName } & (
  | { readonly kind: 'quintile'; readonly order: RankOrder; readonly values: RankedValues }
  | { readonly kind: 'percentile'; readonly flipped: boolean; readonly values: RankedValues }
  | { readonly kind: 'minmax'; readonly flipped: boolean; readonly range: MinMaxRange | null }
  | { readonly kind: 'zscore'; readonly flipped: boolean; readonly moments: Moments | null }
);

/** A model's term references in modelTerms order; none for seed_rfm, which scores each customer on its own. */
export function termReferences(
  spec: ModelSpec,
  ranked: (feature: FeatureName) => RankedValues,
): TermReference[] {
  switch (spec.kind) {
    case 'seed_rfm':
      return [];
    case 'rfm_quintile':
      return modelTerms(spec).map((t) => ({
        feature: t.feature,
        kind: 'quintile',
        order: quintileOrder(t.feature),
        values: ranked(t.feature),
      }));
    case 'weighted':
    case 'predicted_clv':
      return modelTerms(spec).map((t): TermReference => {
        if (t.kind !== 'weighted') throw new Error('weighted model with a non-weighted term');
        const common = { feature: t.feature, flipped: isFlipped(t.feature) };
        const values = ranked(t.feature);
        switch (t.normalize) {
          case 'percentile':
            return { ...common, kind: 'percentile', values };
          case 'minmax':
            return { ...common, kind: 'minmax', range: minMaxRange(values.sorted, spec.winsorize) };
          case 'zscore':
            // The run's own order of summation (rows, not sorted values), so that the moments round alike.
            return {
              ...common,
              kind: 'zscore',
              moments: moments([...values.own].filter((x) => !Number.isNaN(x))),
            };
          default:
            return assertUnreachable(t.normalize, 'normalisation');
        }
      });
    default:
      return assertUnreachable(spec, 'model kind');
  }
}

/** A term's normalised value for feature value x, the customer being reference row `row` (if any). */
export function normaliseAgainst(ref: TermReference, x: number | null, row: number | undefined): number {
  switch (ref.kind) {
    case 'quintile':
      return quintile(x === null ? null : percentRankAgainst(ref.values, row, x, ref.order));
    case 'percentile':
      return orientTerm(
        x === null ? null : percentRankAgainst(ref.values, row, x, 'asc'),
        'percentile',
        ref.flipped,
      );
    case 'minmax':
      return orientTerm(
        x === null || ref.range === null ? null : minMaxScale(x, ref.range),
        'minmax',
        ref.flipped,
      );
    case 'zscore':
      return orientTerm(
        x === null || ref.moments === null ? null : zScore(x, ref.moments),
        'zscore',
        ref.flipped,
      );
    default:
      return assertUnreachable(ref, 'term reference');
  }
}
