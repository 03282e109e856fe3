import type { ModelSpec } from '../../../contracts/tiering/config.js';
import type { FeatureName, FeatureVector } from '../../../contracts/tiering/features.js';
import { isFlipped, modelTerms, termScale } from '../../../contracts/tiering/model-terms.js';
import { RFM_SEGMENT_GRID, rfmFm, type RfmSegment } from '../../../contracts/tiering/rfm-segments.js';
import { assertUnreachable } from '../../../contracts/assert-unreachable.js';
import { normaliseTerm, percentRanks } from './normalise.js';
import { seedF, seedM, seedR, seedScore } from './seed-rfm.js';

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

/**
 * Scores a population with one model. The population matters for rfm_quintile and weighted (ranks, quantiles,
 * means are taken over every vector given); seed_rfm scores each vector on its own.
 */
export function scoreModel(spec: ModelSpec, vectors: readonly FeatureVector[]): ModelScores {
  switch (spec.kind) {
    case 'seed_rfm': {
      const terms = vectors.map((v) => [seedR(v.recency_days), seedF(v.orders), seedM(v.monetary)] as const);
      return { scores: terms.map(([r, f, m]) => seedScore(r, f, m)), terms, segments: null };
    }
    case 'rfm_quintile': {
      // Better-oriented: recency ranked descending (the most recent gets the highest rank).
      const r = percentRanks(column(vectors, 'recency_days'), 'desc').map(quintile);
      const f = percentRanks(column(vectors, 'orders')).map(quintile);
      const m = percentRanks(column(vectors, 'monetary')).map(quintile);
      const terms = vectors.map((_, i) => [r[i] as number, f[i] as number, m[i] as number] as const);
      return {
        scores: terms.map(([a, b, c]) => (a + b + c) / 3),
        terms,
        segments: terms.map(([a, b, c]) => rfmSegment(a, b, c)),
      };
    }
    case 'weighted': {
      const defs = modelTerms(spec);
      const scale = termScale(defs);
      const cols = defs.map((t) => {
        if (t.kind !== 'weighted') throw new Error('weighted model with a non-weighted term');
        return normaliseTerm(column(vectors, t.feature), t.normalize, isFlipped(t.feature), spec.winsorize);
      });
      const terms = vectors.map((_, i) => cols.map((c) => c[i] as number));
      const scores = terms.map(
        (ts) =>
          weightedSum(
            ts,
            defs.map((t) => t.weight),
          ) / scale,
      );
      return { scores, terms, segments: null };
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
