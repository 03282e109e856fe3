import { describe, expect, it } from 'vitest';
import { generatedVectors, vector } from '../../../../test/support/feature-vectors.js';
import { ModelSpecSchema, TiersConfigSchema, type ModelSpec } from '../../../contracts/tiering/config.js';
import { ATTRIBUTES, FEATURE_NAMES, type FeatureVector } from '../../../contracts/tiering/features.js';
import { Rng } from '../../generation/prng.js';
import {
  scoreCustomers,
  scoreModel,
  type PreviousTier,
  type ScoredCustomer,
  type ScoringConfig,
  type TierOverride,
} from '../scoring/index.js';
import { buildScoringReference, rescoreCustomer, type ReferenceRow, type ScoringReference } from './index.js';

const END_OF_AS_OF = '2024-06-30T16:00:00.000Z';
const NO_HISTORY = { previous: undefined, overrides: [], endOfAsOf: END_OF_AS_OF };

const MODELS = {
  seed: ModelSpecSchema.parse({ kind: 'seed_rfm' }),
  rfm: ModelSpecSchema.parse({ kind: 'rfm_quintile' }),
  // Percentiles throughout, with flipped features (return_rate, days_past_due, delivery_cost), NULLs and ties.
  profit: ModelSpecSchema.parse({ kind: 'weighted', preset: 'profit' }),
  mixed: ModelSpecSchema.parse({
    kind: 'weighted',
    winsorize: { lower: 0.05, upper: 0.9 },
    features: [
      { feature: 'margin', weight: 0.3, normalize: 'minmax' },
      { feature: 'return_rate', weight: 0.2, normalize: 'zscore' },
      { feature: 'days_past_due', weight: 0.2, normalize: 'minmax' },
      { feature: 'growth', weight: 0.2, normalize: 'zscore' },
      { feature: 'complaint_rate', weight: 0.1, normalize: 'zscore' },
      { feature: 'monetary_recent', weight: 0.1, normalize: 'percentile' },
      { feature: 'credit_score', weight: -0.1, normalize: 'percentile' },
    ],
  }),
};
/** The models whose score of a changed customer a batch run over the replaced population gives exactly. */
const EXACT_MODELS = { seed: MODELS.seed, rfm: MODELS.rfm, profit: MODELS.profit };

const configOf = (
  primaryModel: string,
  tiers: Record<string, unknown> = {},
  models: Record<string, ModelSpec> = MODELS,
): ScoringConfig => ({ models, primaryModel, tiers: TiersConfigSchema.parse(tiers) });

/** The batch run over `vectors` (no history) and its snapshot frozen as the reference. */
function batchRun(config: ScoringConfig, vectors: readonly FeatureVector[]) {
  const scored = scoreCustomers(config, vectors, {
    previous: new Map(),
    overrides: [],
    endOfAsOf: END_OF_AS_OF,
  });
  const rows = vectors.map((v, i) => ({ ...v, score: (scored[i] as ScoredCustomer).score }));
  return { scored, reference: buildScoringReference(config, rows) };
}

/** Minimum scores that demote some customers: just above the primary scores at 3 % and 15 % from the top. */
function minScoresOf(spec: ModelSpec, vectors: readonly FeatureVector[]) {
  const desc = [...scoreModel(spec, vectors).scores].sort((a, b) => b - a);
  const above = (share: number) => {
    const x = desc[Math.floor(share * desc.length)] as number;
    const next = desc.findLast((s) => s > x);
    return next === undefined ? x + 1 : (x + next) / 2;
  };
  return { platinum: above(0.03), gold: above(0.15), silver: desc[Math.floor(0.6 * desc.length)] as number };
}

const replaced = (vectors: readonly FeatureVector[], i: number, v: FeatureVector) =>
  vectors.map((x, k) => (k === i ? v : x));

/** Customer i given the features (and attributes) of customer j. */
const withFeaturesOf = (vectors: readonly FeatureVector[], i: number, j: number): FeatureVector => ({
  ...(vectors[j] as FeatureVector),
  customerId: (vectors[i] as FeatureVector).customerId,
});

describe('rescoreCustomer of an unchanged customer', () => {
  const cases = (['seed', 'rfm', 'profit', 'mixed'] as const).flatMap((primary) =>
    (['all', 'city'] as const).flatMap((scope) =>
      [false, true].flatMap((minScore) =>
        (['exclude', 'bronze'] as const).map((inactive) => ({ primary, scope, minScore, inactive })),
      ),
    ),
  );

  it.each(cases.map((c, seed) => ({ ...c, seed })))(
    'gives the batch run: $primary, scope $scope, minScore $minScore, inactive $inactive',
    ({ primary, scope, minScore, inactive, seed }) => {
      const vectors = generatedVectors(300, 100 + seed);
      const config = configOf(primary, {
        scope,
        inactive,
        minScore: minScore ? minScoresOf(MODELS[primary], vectors) : {},
      });
      const { scored, reference } = batchRun(config, vectors);
      expect(scored.some((s) => s.tierReason === 'min_score')).toBe(minScore);
      expect(vectors.map((v) => rescoreCustomer(reference, config, v, NO_HISTORY))).toEqual(scored);
    },
  );
});

describe('rescoreCustomer of a changed customer', () => {
  const rng = new Rng(2024, 11);
  const vectors = generatedVectors(400, 7);
  const changes = Array.from({ length: 40 }, () => [rng.int(0, 399), rng.int(0, 399)] as const);

  it.each(['all', 'city'] as const)(
    'is the batch run over the population with its vector replaced, rank included, for seed_rfm (scope %s)',
    (scope) => {
      const config = configOf('seed', { scope, inactive: 'exclude' }, EXACT_MODELS);
      const { reference } = batchRun(config, vectors);
      for (const [i, j] of changes) {
        const v = withFeaturesOf(vectors, i, j);
        const expected = scoreCustomers(config, replaced(vectors, i, v), {
          previous: new Map(),
          overrides: [],
          endOfAsOf: END_OF_AS_OF,
        })[i];
        expect(rescoreCustomer(reference, config, v, NO_HISTORY)).toEqual(expected);
      }
    },
  );

  it('has the scores, terms and segment of that batch run with percentile models', () => {
    const config = configOf('profit', { scope: 'city' }, EXACT_MODELS);
    const { reference } = batchRun(config, vectors);
    const scoring = ({ score, modelScores, terms, segment }: ScoredCustomer) => ({
      score,
      modelScores,
      terms,
      segment,
    });
    for (const [i, j] of changes) {
      const v = withFeaturesOf(vectors, i, j);
      const expected = scoreCustomers(config, replaced(vectors, i, v), {
        previous: new Map(),
        overrides: [],
        endOfAsOf: END_OF_AS_OF,
      })[i] as ScoredCustomer;
      expect(scoring(rescoreCustomer(reference, config, v, NO_HISTORY))).toEqual(scoring(expected));
    }
  });

  it("keeps the run's quantiles and moments for minmax and zscore terms", () => {
    // With the statistics frozen, a customer given another's features gets the terms that one had in the run.
    const spec = ModelSpecSchema.parse({
      kind: 'weighted',
      features: [
        { feature: 'margin', weight: 2, normalize: 'minmax' },
        { feature: 'days_past_due', weight: 1, normalize: 'minmax' },
        { feature: 'return_rate', weight: 1, normalize: 'zscore' },
        { feature: 'growth', weight: 1, normalize: 'zscore' },
      ],
    });
    const config = configOf('frozen', {}, { frozen: spec });
    const { scored, reference } = batchRun(config, vectors);
    for (const [i, j] of changes) {
      const { score, terms } = rescoreCustomer(reference, config, withFeaturesOf(vectors, i, j), NO_HISTORY);
      expect({ score, terms }).toEqual({ score: scored[j]?.score, terms: scored[j]?.terms });
    }
  });

  it('scores a customer the run did not have as if it had joined the population', () => {
    const config = configOf('seed', { scope: 'city' }, EXACT_MODELS);
    const { reference } = batchRun(config, vectors);
    const newcomer = { ...(vectors[5] as FeatureVector), customerId: 'NEW' };
    const expected = scoreCustomers(config, [...vectors, newcomer], {
      previous: new Map(),
      overrides: [],
      endOfAsOf: END_OF_AS_OF,
    }).at(-1);
    expect(rescoreCustomer(reference, config, newcomer, NO_HISTORY)).toEqual(expected);
  });

  it('places first a customer whose monetary rises past everyone', () => {
    const byMonetary = {
      value: ModelSpecSchema.parse({ kind: 'weighted', features: [{ feature: 'monetary', weight: 1 }] }),
    };
    const config = configOf('value', {}, byMonetary);
    const { scored, reference } = batchRun(config, vectors);
    const i = scored.findIndex((s) => s.candidateTier === 'bronze' && s.tierReason === 'quota');
    const richest = Math.max(...vectors.map((v) => v.monetary ?? 0));
    const v = { ...(vectors[i] as FeatureVector), monetary: richest + 1 };
    expect(rescoreCustomer(reference, config, v, NO_HISTORY)).toMatchObject({
      score: 1,
      rankPct: 0,
      candidateTier: 'platinum',
      tier: 'platinum',
      tierReason: 'quota',
    });
  });

  it.each([
    ['exclude', null],
    ['bronze', 'bronze'],
  ] as const)('makes a customer whose orders drop to 0 inactive (inactive %s)', (inactive, tier) => {
    const config = configOf('seed', { inactive }, EXACT_MODELS);
    const { scored, reference } = batchRun(config, vectors);
    const i = scored.findIndex((s) => s.candidateTier === 'platinum');
    const v = { ...(vectors[i] as FeatureVector), orders: 0 };
    expect(rescoreCustomer(reference, config, v, NO_HISTORY)).toMatchObject({
      rankPct: null,
      candidateTier: tier,
      candidateStreak: tier === null ? null : 1,
      tier,
      tierReason: 'inactive',
    });
  });
});

describe('rescoreCustomer with history', () => {
  // 100 customers ranked by monetary 1…100; default quotas (edges 5 %, 20 %, 50 %), margin 2 points, 2 runs.
  const ladder = Array.from({ length: 100 }, (_, i) =>
    vector(`C${String(i).padStart(3, '0')}`, { monetary: i + 1, orders: 5 }),
  );
  const config = configOf(
    'value',
    {},
    { value: ModelSpecSchema.parse({ kind: 'weighted', features: [{ feature: 'monetary', weight: 1 }] }) },
  );
  const { reference } = batchRun(config, ladder);
  /** Monetary 80 ranks 21st: rank 20 %, a silver candidate 0 points below gold's lower edge. */
  const at80 = ladder[79] as FeatureVector;
  const history = (previous: PreviousTier, overrides: readonly TierOverride[] = []) => ({
    previous,
    overrides,
    endOfAsOf: END_OF_AS_OF,
  });

  it('holds the previous tier when the margin is not cleared and the streak is below runs', () => {
    const previous = { tier: 'gold', candidateTier: 'gold', candidateStreak: 3 } as const;
    expect(rescoreCustomer(reference, config, at80, history(previous))).toMatchObject({
      rankPct: 0.2,
      candidateTier: 'silver',
      candidateStreak: 1,
      tier: 'gold',
      tierReason: 'hysteresis',
    });
    // Monetary 70 ranks 31st: 30 % clears gold's lower edge by 10 points.
    expect(rescoreCustomer(reference, config, ladder[69] as FeatureVector, history(previous))).toMatchObject({
      tier: 'silver',
      tierReason: 'quota',
    });
  });

  it('does not grow the streak of a repeated candidate, as a batch run would', () => {
    const previous = { tier: 'gold', candidateTier: 'silver', candidateStreak: 1 } as const;
    expect(rescoreCustomer(reference, config, at80, history(previous))).toMatchObject({
      candidateStreak: 1,
      tier: 'gold',
      tierReason: 'hysteresis',
    });
    const batch = scoreCustomers(config, ladder, {
      previous: new Map([[at80.customerId, previous]]),
      overrides: [],
      endOfAsOf: END_OF_AS_OF,
    })[79];
    expect(batch).toMatchObject({ candidateStreak: 2, tier: 'silver', tierReason: 'quota' });
    // A streak that has reached `runs` in the batch runs moves the customer.
    expect(
      rescoreCustomer(reference, config, at80, history({ ...previous, candidateStreak: 2 })),
    ).toMatchObject({ candidateStreak: 2, tier: 'silver', tierReason: 'quota' });
  });

  it('lets an active override win, and ignores an expired one', () => {
    const top = ladder[99] as FeatureVector;
    const override = (tier: 'bronze' | 'gold', expiresAt: string | null): TierOverride => ({
      overrideId: `o-${tier}`,
      customerId: top.customerId,
      tier,
      createdAt: '2024-05-01T00:00:00+08:00',
      expiresAt,
    });
    const previous = { tier: 'platinum', candidateTier: 'platinum', candidateStreak: 5 } as const;
    expect(
      rescoreCustomer(reference, config, top, history(previous, [override('bronze', null)])),
    ).toMatchObject({ candidateTier: 'platinum', tier: 'bronze', tierReason: 'override' });
    expect(
      rescoreCustomer(reference, config, top, history(previous, [override('gold', '2024-06-30T00:00:00Z')])),
    ).toMatchObject({ tier: 'platinum', tierReason: 'quota' });
  });
});

describe('buildScoringReference', () => {
  /**
   * A million snapshot rows tiled from a generated sample. Built key by key: object spreads of wide vectors make
   * slow dictionary-mode objects, which would time the test data rather than the reference.
   */
  function snapshotRows(n: number): ReferenceRow[] {
    const sample = generatedVectors(5_000, 1);
    const rng = new Rng(5, 3);
    const keys = [...FEATURE_NAMES, ...ATTRIBUTES];
    return Array.from({ length: n }, (_, i) => {
      const from = sample[i % sample.length] as FeatureVector;
      const row: Record<string, unknown> = { customerId: `R${String(i).padStart(7, '0')}` };
      for (const key of keys) row[key] = from[key];
      row.score = rng.next();
      return row as ReferenceRow;
    });
  }

  it('builds a reference of 1,000,000 rows and rescores against it', () => {
    const rows = snapshotRows(1_000_000);
    const config = configOf('profit', { scope: 'city' });
    const started = performance.now();
    const reference: ScoringReference = buildScoringReference(config, rows);
    const built = performance.now() - started;
    const probes = rows.slice(0, 1_000);
    const rescoreStarted = performance.now();
    for (const v of probes) rescoreCustomer(reference, config, v, NO_HISTORY);
    const perRescore = (performance.now() - rescoreStarted) / probes.length;
    console.log(
      `scoring reference of ${rows.length} rows (4 models, scope city): built in ${Math.round(built)} ms, ` +
        `${perRescore.toFixed(3)} ms per rescore`,
    );
    expect(reference.rowOf.size).toBe(rows.length);
  });
});
