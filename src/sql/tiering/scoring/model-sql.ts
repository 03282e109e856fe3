import { assertUnreachable } from '../../../contracts/assert-unreachable.js';
import type { ModelSpec } from '../../../contracts/tiering/config.js';
import {
  isFlipped,
  modelTerms,
  SEED_RFM,
  termScale,
  type ModelTerm,
} from '../../../contracts/tiering/model-terms.js';
import { RFM_SEGMENT_GRID } from '../../../contracts/tiering/rfm-segments.js';
import type { Dialect } from '../../dialects/dialect.js';
import { caseOf, num, text } from './literals.js';

/** A percent rank the model reads: of `feature`'s non-NULL values, in `order`. */
export interface RankRef {
  readonly feature: string;
  readonly order: 'ASC' | 'DESC';
}

/** Names the column holding a percent rank; the caller joins it (see percentRankSql). */
export type RankColumn = (ref: RankRef) => string;

/**
 * The SQL pieces of one model, over `f` (a row of tiering_features), `st` (the one-row statistics) and the
 * percent-rank columns named by `rank`: aggregates for `st`, the ranks it reads, one expression per term, and
 * the score (and segment) over the term columns.
 */
export interface ModelSql {
  /** The percent ranks the terms read. */
  readonly ranks: readonly RankRef[];
  /** `expr AS name` items of the one-row statistics CTE. */
  readonly stats: readonly string[];
  /** Term expressions (DOUBLE PRECISION), in modelTerms order. */
  readonly terms: readonly string[];
  /** The score from the term columns' names. */
  score(cols: readonly string[]): string;
  /** The RFM segment from the term columns' names, or null. */
  segment(cols: readonly string[]): string | null;
}

const dbl = (e: string) => `CAST(${e} AS DOUBLE PRECISION)`;
const col = (cols: readonly string[], i: number) => cols[i] as string;

function seedTerm(d: Dialect, t: ModelTerm): string {
  const x = `f.${d.quoteIdent(t.feature)}`;
  const s = SEED_RFM;
  switch (t.key) {
    case 'r':
      return dbl(
        `CASE WHEN ${x} IS NULL THEN 1 ELSE ${s.cap} - LEAST(floor(${x} / ${s.recencyStepDays}), ${s.recencyMaxSteps}) END`,
      );
    case 'f':
      return dbl(`CASE WHEN ${x} IS NULL THEN 0 ELSE LEAST(floor(${x} / ${s.ordersStep}), ${s.cap}) END`);
    default:
      return dbl(
        `CASE WHEN ${x} IS NULL THEN 0 ELSE GREATEST(0, LEAST(floor(${x} / ${s.monetaryStep}), ${s.cap})) END`,
      );
  }
}

// Better-oriented: lower-is-better recency ranked descending.
const quintileRank = (t: ModelTerm): RankRef => ({
  feature: t.feature,
  order: isFlipped(t.feature) ? 'DESC' : 'ASC',
});

function quintileTerm(d: Dialect, t: ModelTerm, rank: RankColumn): string {
  const x = `f.${d.quoteIdent(t.feature)}`;
  return dbl(`CASE WHEN ${x} IS NULL THEN 1 ELSE LEAST(5, 1 + floor(5 * ${rank(quintileRank(t))})) END`);
}

function segmentSql(cols: readonly string[]): string {
  const [r, f, m] = [col(cols, 0), col(cols, 1), col(cols, 2)];
  const fm = `floor((${f} + ${m} + 1) / 2)`;
  const rows = ([5, 4, 3, 2, 1] as const).map(
    (rv) =>
      [
        String(rv),
        caseOf(
          fm,
          RFM_SEGMENT_GRID[rv].map((s, i) => [String(i + 1), text(s)] as const),
        ),
      ] as const,
  );
  return caseOf(r, rows);
}

export function modelSql(d: Dialect, spec: ModelSpec, prefix: string, rank: RankColumn): ModelSql {
  const terms = modelTerms(spec);
  switch (spec.kind) {
    case 'seed_rfm': {
      const w = SEED_RFM.weightsOver10;
      return {
        ranks: [],
        stats: [],
        terms: terms.map((t) => seedTerm(d, t)),
        score: (c) => `(${w.r} * ${col(c, 0)} + ${w.f} * ${col(c, 1)} + ${w.m} * ${col(c, 2)}) / 10`,
        segment: () => null,
      };
    }
    case 'rfm_quintile':
      return {
        ranks: terms.map(quintileRank),
        stats: [],
        terms: terms.map((t) => quintileTerm(d, t, rank)),
        score: (c) => `(${col(c, 0)} + ${col(c, 1)} + ${col(c, 2)}) / 3`,
        segment: segmentSql,
      };
    case 'weighted':
    case 'predicted_clv': {
      const stats: string[] = [];
      const ranks: RankRef[] = [];
      const exprs = terms.map((t, i) => {
        if (t.kind !== 'weighted') throw new Error('weighted model with a non-weighted term');
        const x = `f.${d.quoteIdent(t.feature)}`;
        const flip = isFlipped(t.feature);
        const name = (what: string) => `${prefix}_${what}_${i}`;
        switch (t.normalize) {
          case 'percentile': {
            const ref: RankRef = { feature: t.feature, order: 'ASC' };
            ranks.push(ref);
            const p = rank(ref);
            return dbl(`CASE WHEN ${x} IS NULL THEN ${num(0.5)} ELSE ${flip ? `1 - ${p}` : p} END`);
          }
          case 'minmax': {
            const [lo, hi] = [name('lo'), name('hi')];
            stats.push(
              `percentile_cont(${num(spec.winsorize.lower)}) WITHIN GROUP (ORDER BY ${x}) AS ${lo}`,
              `percentile_cont(${num(spec.winsorize.upper)}) WITHIN GROUP (ORDER BY ${x}) AS ${hi}`,
            );
            const v = `(LEAST(GREATEST(${x}, st.${lo}), st.${hi}) - st.${lo}) / (st.${hi} - st.${lo})`;
            return dbl(
              `CASE WHEN ${x} IS NULL OR st.${hi} = st.${lo} THEN ${num(0.5)} ELSE ${flip ? `1 - ${v}` : v} END`,
            );
          }
          case 'zscore': {
            const [mean, sd] = [name('mean'), name('sd')];
            stats.push(`avg(${x}) AS ${mean}`, `stddev_pop(${x}) AS ${sd}`);
            const z = `(${x} - st.${mean}) / st.${sd}`;
            return dbl(`CASE WHEN ${x} IS NULL OR st.${sd} = 0 THEN 0 ELSE ${flip ? `-(${z})` : z} END`);
          }
          default:
            return assertUnreachable(t.normalize, 'normalisation');
        }
      });
      const scale = termScale(terms);
      return {
        ranks,
        stats,
        terms: exprs,
        score: (c) =>
          `(${terms.map((t, i) => `${num(t.weight)} * ${col(c, i)}`).join(' + ')}) / ${num(scale)}`,
        segment: () => null,
      };
    }
    default:
      return assertUnreachable(spec, 'model kind');
  }
}
