import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedVectors } from '../support/feature-vectors.js';
import { describeEachEngine, freshEngine } from '../support/engines.js';
import { ModelSpecSchema, TiersConfigSchema } from '../../src/contracts/tiering/config.js';
import { ATTRIBUTES, FEATURE_NAMES, type FeatureVector } from '../../src/contracts/tiering/features.js';
import { PIPELINE_TABLES } from '../../src/contracts/tiering/pipeline-tables.js';
import { TIERS, type Tier } from '../../src/contracts/tiering/tiers.js';
import {
  scoreCustomers,
  tierBoundaries,
  type PreviousTier,
  type ScoredCustomer,
  type ScoringConfig,
  type TierOverride,
} from '../../src/domain/tiering/scoring/index.js';
import type { Engine } from '../../src/engines/engine.js';
import { scoringSql } from '../../src/sql/tiering/scoring/scoring-sql.js';
import { tierBoundariesSql } from '../../src/sql/tiering/scoring/tier-boundaries-sql.js';

/**
 * The SQL scorer against the TypeScript oracle on the same few hundred generated customers (ties, NULLs,
 * inactive customers, previous tiers, overrides) on each engine: identical tiers, scores within 1e-9.
 */
const AS_OF = '2024-06-30';
/** Midnight ending the as-of day in Asia/Shanghai. */
const END_OF_AS_OF = '2024-06-30T16:00:00.000Z';
const N = 600;

const lit = (v: number | string | null): string =>
  v === null
    ? 'NULL'
    : typeof v === 'number'
      ? `CAST('${v}' AS DOUBLE PRECISION)`
      : `'${v.replaceAll("'", "''")}'`;

function previousFor(vectors: readonly FeatureVector[]): Map<string, PreviousTier> {
  const tiersOrNull: (Tier | null)[] = [...TIERS, null];
  const previous = new Map<string, PreviousTier>();
  vectors.forEach((v, i) => {
    if (i % 10 < 3) return; // no previous snapshot row
    const pick = <T>(xs: readonly T[], k: number) => xs[k % xs.length] as T;
    previous.set(v.customerId, {
      tier: pick(tiersOrNull, i * 7 + 1),
      candidateTier: pick(tiersOrNull, i * 3),
      candidateStreak: i % 13 === 0 ? null : (i % 4) + 1,
    });
  });
  return previous;
}

function overridesFor(vectors: readonly FeatureVector[]): TierOverride[] {
  const id = (i: number) => (vectors[i] as FeatureVector).customerId;
  return [
    {
      overrideId: 'o1',
      customerId: id(1),
      tier: 'platinum',
      createdAt: '2024-05-01T00:00:00+08:00',
      expiresAt: null,
    },
    // Expires exactly when the as-of day ends: no longer in force.
    {
      overrideId: 'o2',
      customerId: id(2),
      tier: 'platinum',
      createdAt: '2024-05-01T00:00:00+08:00',
      expiresAt: '2024-07-01T00:00:00+08:00',
    },
    {
      overrideId: 'o3',
      customerId: id(3),
      tier: 'gold',
      createdAt: '2024-05-01T00:00:00+08:00',
      expiresAt: '2024-07-01T00:00:01+08:00',
    },
    {
      overrideId: 'o4',
      customerId: id(4),
      tier: 'gold',
      createdAt: '2024-05-01T00:00:00+08:00',
      expiresAt: '2024-06-30T12:00:00+08:00',
    },
    // Two in force: the later one wins.
    {
      overrideId: 'o5',
      customerId: id(5),
      tier: 'silver',
      createdAt: '2024-05-01T00:00:00+08:00',
      expiresAt: null,
    },
    {
      overrideId: 'o6',
      customerId: id(5),
      tier: 'bronze',
      createdAt: '2024-06-01T00:00:00+08:00',
      expiresAt: null,
    },
    // An inactive customer (orders 0) overridden.
    ...vectors
      .filter((v) => v.orders === 0)
      .slice(0, 1)
      .map((v) => ({
        overrideId: 'o7',
        customerId: v.customerId,
        tier: 'gold' as const,
        createdAt: '2024-06-01T00:00:00+08:00',
        expiresAt: null,
      })),
  ];
}

async function loadInputs(
  engine: Engine,
  vectors: readonly FeatureVector[],
  previous: Map<string, PreviousTier>,
  overrides: readonly TierOverride[],
): Promise<void> {
  const T = PIPELINE_TABLES;
  for (const t of [T.features, T.previous, T.overrides]) await engine.run(`DROP TABLE IF EXISTS ${t}`);
  await engine.run(
    `CREATE TEMP TABLE ${T.features} (customer_id VARCHAR, ${FEATURE_NAMES.map((f) => `${f} DOUBLE PRECISION`).join(', ')}, ${ATTRIBUTES.map((a) => `${a} VARCHAR`).join(', ')})`,
  );
  const rows = vectors.map(
    (v) =>
      `(${[lit(v.customerId), ...FEATURE_NAMES.map((f) => lit(v[f])), ...ATTRIBUTES.map((a) => lit(v[a]))].join(', ')})`,
  );
  await engine.run(`INSERT INTO ${T.features} VALUES ${rows.join(',\n')}`);
  await engine.run(
    `CREATE TEMP TABLE ${T.previous} (customer_id VARCHAR, tier VARCHAR, candidate_tier VARCHAR, candidate_streak INTEGER, score DOUBLE PRECISION, tags VARCHAR[])`,
  );
  if (previous.size > 0) {
    const prev = [...previous].map(
      ([id, p]) =>
        `(${lit(id)}, ${lit(p.tier)}, ${lit(p.candidateTier)}, ${p.candidateStreak ?? 'NULL'}, 0, CAST(ARRAY[] AS VARCHAR[]))`,
    );
    await engine.run(`INSERT INTO ${T.previous} VALUES ${prev.join(', ')}`);
  }
  await engine.run(
    `CREATE TEMP TABLE ${T.overrides} (override_id VARCHAR, customer_id VARCHAR, tier VARCHAR, reason VARCHAR, author VARCHAR, created_at TIMESTAMPTZ, expires_at TIMESTAMPTZ)`,
  );
  if (overrides.length > 0) {
    const ov = overrides.map(
      (o) =>
        `(${lit(o.overrideId)}, ${lit(o.customerId)}, ${lit(o.tier)}, 'test', 'test', CAST(${lit(o.createdAt)} AS TIMESTAMPTZ), CAST(${lit(o.expiresAt)} AS TIMESTAMPTZ))`,
    );
    await engine.run(`INSERT INTO ${T.overrides} VALUES ${ov.join(', ')}`);
  }
}

const models = {
  seed: ModelSpecSchema.parse({ kind: 'seed_rfm' }),
  rfm: ModelSpecSchema.parse({ kind: 'rfm_quintile' }),
  profit: ModelSpecSchema.parse({ kind: 'weighted', preset: 'profit' }),
  growth: ModelSpecSchema.parse({ kind: 'weighted', preset: 'growth' }),
  mixed: ModelSpecSchema.parse({
    kind: 'weighted',
    winsorize: { lower: 0.05, upper: 0.9 },
    features: [
      { feature: 'margin', weight: 2, normalize: 'minmax' },
      { feature: 'return_rate', weight: 1, normalize: 'minmax' },
      { feature: 'monetary', weight: 1.5, normalize: 'zscore' },
      { feature: 'complaint_rate', weight: 0.5, normalize: 'zscore' },
      { feature: 'on_time_payment_rate', weight: -0.25, normalize: 'percentile' },
      { feature: 'disputes', weight: 1, normalize: 'minmax' },
    ],
  }),
};

const scenarios: readonly { name: string; config: ScoringConfig }[] = [
  {
    name: 'seed_rfm primary, scope all, defaults',
    config: { models, primaryModel: 'seed', tiers: TiersConfigSchema.parse({}) },
  },
  {
    name: 'rfm_quintile primary, scope city, minScore, inactive excluded, wide margin',
    config: {
      models,
      primaryModel: 'rfm',
      tiers: TiersConfigSchema.parse({
        scope: 'city',
        inactive: 'exclude',
        minScore: { platinum: 4.5, gold: 3.5 },
        hysteresis: { marginPct: 5, runs: 3 },
      }),
    },
  },
  {
    name: 'profit preset primary, scope customer_type, no hysteresis',
    config: {
      models,
      primaryModel: 'profit',
      tiers: TiersConfigSchema.parse({
        scope: 'customer_type',
        quotas: { platinum: 10, gold: 20, silver: 30, bronze: 40 },
        minScore: { silver: 0.45 },
        hysteresis: null,
      }),
    },
  },
  {
    name: 'mixed normalisers primary (minmax, z-score, negative weight), scope all',
    config: {
      models: { mixed: models.mixed, growth: models.growth },
      primaryModel: 'mixed',
      tiers: TiersConfigSchema.parse({
        quotas: { platinum: 5.1, gold: 14.9, silver: 30, bronze: 50 },
        hysteresis: { marginPct: 1, runs: 2 },
      }),
    },
  },
];

describeEachEngine('scoring in SQL', (kind) => {
  let engine: Engine;
  beforeAll(async () => {
    ({ engine } = await freshEngine(kind));
  });
  afterAll(async () => {
    await engine?.close();
  });

  /** Runs scoringSql and the domain on the same inputs and asserts equal rows and boundaries. */
  async function compare(
    config: ScoringConfig,
    vectors: readonly FeatureVector[],
    previous: Map<string, PreviousTier>,
    overrides: readonly TierOverride[],
  ): Promise<ScoredCustomer[]> {
    await loadInputs(engine, vectors, previous, overrides);
    for (const s of scoringSql(engine.dialect, config, AS_OF)) await engine.run(s);
    const rows = await engine.all(`SELECT * FROM ${PIPELINE_TABLES.scored} ORDER BY customer_id`);
    const expected = scoreCustomers(config, vectors, { previous, overrides, endOfAsOf: END_OF_AS_OF });
    expect(rows).toHaveLength(expected.length);
    const byId = new Map(expected.map((e) => [e.customerId, e]));
    const mismatches: string[] = [];
    for (const row of rows) {
      const e = byId.get(String(row.customer_id));
      if (!e) throw new Error(`unexpected ${String(row.customer_id)}`);
      const close = (a: unknown, b: number | null) =>
        b === null ? a === null : typeof a === 'number' && Math.abs(a - b) <= 1e-9;
      const problems = [
        !close(row.score, e.score) && `score ${String(row.score)} vs ${e.score}`,
        ...Object.keys(config.models).map(
          (m) =>
            !close(row[`score_${m}`], e.modelScores[m] ?? NaN) &&
            `score_${m} ${String(row[`score_${m}`])} vs ${e.modelScores[m]}`,
        ),
        !(
          Array.isArray(row.terms) &&
          row.terms.length === e.terms.length &&
          row.terms.every((t, i) => close(t, e.terms[i] as number))
        ) && `terms ${JSON.stringify(row.terms)} vs ${JSON.stringify(e.terms)}`,
        row.segment !== e.segment && `segment ${String(row.segment)} vs ${e.segment}`,
        !close(row.rank_pct, e.rankPct) && `rank_pct ${String(row.rank_pct)} vs ${e.rankPct}`,
        row.candidate_tier !== e.candidateTier &&
          `candidate ${String(row.candidate_tier)} vs ${e.candidateTier}`,
        row.candidate_streak !== e.candidateStreak &&
          `streak ${String(row.candidate_streak)} vs ${e.candidateStreak}`,
        row.tier !== e.tier && `tier ${String(row.tier)} vs ${e.tier}`,
        row.tier_reason !== e.tierReason && `reason ${String(row.tier_reason)} vs ${e.tierReason}`,
      ].filter(Boolean);
      if (problems.length > 0) mismatches.push(`${e.customerId}: ${problems.join('; ')}`);
    }
    expect(mismatches.slice(0, 10)).toEqual([]);

    // Boundaries: the same cut-offs from SQL and from the domain.
    const boundaries = await engine.all(tierBoundariesSql(engine.dialect, config.tiers.scope));
    const scope = config.tiers.scope;
    const expectedBoundaries = tierBoundaries(
      expected.map((e, i) => ({
        scopeValue: scope === 'all' ? null : ((vectors[i] as FeatureVector)[scope] ?? null),
        score: e.score,
        rankPct: e.rankPct,
        candidateTier: e.candidateTier,
      })),
    );
    expect(boundaries.map((b) => [b.scope_value, b.tier, Number(b.customers)])).toEqual(
      expectedBoundaries.map((b) => [b.scopeValue, b.tier, b.customers]),
    );
    boundaries.forEach((b, i) => {
      const e = expectedBoundaries[i];
      expect(Math.abs(Number(b.min_score) - (e?.minScore ?? NaN))).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(Number(b.max_score) - (e?.maxScore ?? NaN))).toBeLessThanOrEqual(1e-9);
    });
    return expected;
  }

  describe('scoringSql equals the TypeScript scorer', () => {
    const vectors = generatedVectors(N, 11);
    const previous = previousFor(vectors);
    const overrides = overridesFor(vectors);

    for (const { name, config } of scenarios) {
      it(name, async () => {
        const expected = await compare(config, vectors, previous, overrides);
        // Every tier reason shows up somewhere, so the comparison covered each path.
        const reasons = new Set(expected.map((e) => e.tierReason));
        for (const r of ['quota', 'inactive', 'override']) expect(reasons).toContain(r);
        if (config.tiers.hysteresis) expect(reasons).toContain('hysteresis');
        if (Object.keys(config.tiers.minScore).length > 0) expect(reasons).toContain('min_score');
      });
    }

    it.each([1, 2, 3, 20])('gives the same quota tiers to %i customers', async (n) => {
      const few = generatedVectors(n, 5).map((v) => ({ ...v, orders: 12 }));
      for (const { config } of scenarios) await compare(config, few, new Map(), []);
    });
  });
});
