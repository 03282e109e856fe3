import type { ModelSpec } from '../../../contracts/tiering/config.js';
import type { FeatureName, FeatureVector } from '../../../contracts/tiering/features.js';
import { isFlipped, modelTerms, termScale } from '../../../contracts/tiering/model-terms.js';
import { RFM_SEGMENT_GRID, rfmFm, type RfmSegment } from '../../../contracts/tiering/rfm-segments.js';
import { assertUnreachable } from '../../../contracts/assert-unreachable.js';
import { normaliseTerm, percentRanks, type RankOrder } from './normalise.js';
import { seedScore, seedTerms } from './seed-rfm.js';

/** One model's output for a population, aligned with the input vectors. */
export interface ModelScores {
  readonly scores: readonly number[];
  /** Normalised terms per customer, in the order of modelTerms(spec). */
  readonly terms: readonly (readonly number[])[];
  /** RFM segments (rfm_quintile only). */
  readonly segments: readonly RfmSegment[] | null;
}

const column = (vs: readonly FeatureVector[], f: FeatureName) => vs.map((v) => v[f]);

/** Quintile score of a percentile rank: min(5, 1 + floor(5 p)); NULL (feature undefined) → 1. */
export const quintile = (p: number | null): number => (p === null ? 1 : Math.min(5, 1 + Math.floor(5 * p)));

/** The RFM segment of quintile scores R, F, M (each 1–5). */
export function rfmSegment(r: number, f: number, m: number): RfmSegment {
  const row = RFM_SEGMENT_GRID[r as 1 | 2 | 3 | 4 | 5];
  const segment = row?.[rfmFm(f, m) - 1];
  if (segment === undefined) throw new Error(`quintile scores out of range: R=${r} F=${f} M=${m}`);
  return segment;
}

/** The rank order of an rfm_quintile term, better-oriented: recency descending (the most recent ranks highest). */
export const quintileOrder = (feature: FeatureName): RankOrder => (isFlipped(feature) ? 'desc' : 'asc');

/** How a model turns one customer's normalised terms (modelTerms order) into its score. */
export function termsScore(spec: ModelSpec): (terms: readonly number[]) => number {
  switch (spec.kind) {
    case 'seed_rfm':
      return ([r, f, m]) => seedScore(r as number, f as number, m as number);
    case 'rfm_quintile':
      return ([r, f, m]) => ((r as number) + (f as number) + (m as number)) / 3;
    case 'weighted':
    case 'predicted_clv': {
      const defs = modelTerms(spec);
      const scale = termScale(defs);
      const weights = defs.map((t) => t.weight);
      return (terms) => weightedSum(terms, weights) / scale;
    }
    default:
      return assertUnreachable(spec, 'model kind');
  }
}

/**
 * Scores a population with one model. The population matters for rfm_quintile and weighted (ranks, quantiles,
 * means are taken over every vector given); seed_rfm scores each vector on its own.
 */
export function scoreModel(spec: ModelSpec, vectors: readonly FeatureVector[]): ModelScores {
  const score = termsScore(spec);
  switch (spec.kind) {
    case 'seed_rfm': {
      const terms = vectors.map(seedTerms);
      return { scores: terms.map(score), terms, segments: null };
    }
    case 'rfm_quintile': {
      const cols = modelTerms(spec).map((t) =>
        percentRanks(column(vectors, t.feature), quintileOrder(t.feature)).map(quintile),
      );
      const terms = vectors.map((_, i) => cols.map((c) => c[i] as number));
      return {
        scores: terms.map(score),
        terms,
        segments: terms.map(([r, f, m]) => rfmSegment(r as number, f as number, m as number)),
      };
    }
    case 'weighted':
    case 'predicted_clv': {
      const cols = modelTerms(spec).map((t) => {
        if (t.kind !== 'weighted') throw new Error('weighted model with a non-weighted term');
        return normaliseTerm(column(vectors, t.feature), t.normalize, isFlipped(t.feature), spec.winsorize);
      });
      const terms = vectors.map((_, i) => cols.map((c) => c[i] as number));
      return { scores: terms.map(score), terms, segments: null };
    }
    default:
      return assertUnreachable(spec, 'model kind');
  }
}

/** Σ wᵢ·vᵢ, left to right (the SQL builder writes the same order, so both round alike). */
export function weightedSum(values: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  values.forEach((v, i) => {
    sum = i === 0 ? (weights[0] as number) * v : sum + (weights[i] as number) * v;
  });
  return sum;
}
