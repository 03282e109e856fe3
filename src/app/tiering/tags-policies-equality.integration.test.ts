import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, freshEngine } from '../../../test/support/engines.js';
import { parseTieringConfig } from './load-config.js';
import { TieringConfigSchema, type TieringConfig } from '../../contracts/tiering/config.js';
import { ATTRIBUTES, FEATURE_NAMES } from '../../contracts/tiering/features.js';
import { PIPELINE_TABLES, POLICY_COLUMNS } from '../../contracts/tiering/pipeline-tables.js';
import { TAGS, TIERS, type TagName, type Tier } from '../../contracts/tiering/tiers.js';
import {
  actionKinds,
  effectivePolicy,
  policyColumns,
  triggeredActions,
} from '../../domain/tiering/policies/index.js';
import { evaluateTags, TAG_FEATURES, type TagInput } from '../../domain/tiering/tags/index.js';
import type { Engine } from '../../engines/engine.js';
import { tagsPoliciesSql } from '../../sql/tiering/tags-policies/index.js';
import { readFileSync } from 'node:fs';
import { defaultTieringConfigPath } from './load-config.js';

/**
 * The tag rules, effective policies and triggered actions computed in DuckDB by tagsPoliciesSql equal those
 * of the pure TypeScript functions, value for value and reason for reason, on synthetic customers drawn around
 * every threshold (nulls, exact thresholds, halves that round).
 */
const ROWS = 600;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Row {
  readonly id: string;
  readonly features: Record<string, number | null>;
  readonly tier: Tier | null;
  readonly previous: { tier: Tier | null; tags: TagName[] } | null;
}

function syntheticRows(seed: number): Row[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const maybe = (v: number, pNull = 0.1) => (r() < pNull ? null : v);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const rows: Row[] = [];
  for (let i = 0; i < ROWS; i++) {
    const orders = maybe(pick([0, 1, 3, 4, 5, 8, 12, 20, 36.5, 52, 150, 365, int(0, 400)]));
    const f: Record<string, number | null> = Object.fromEntries(
      FEATURE_NAMES.map((n) => [n, maybe(r() * 100)]),
    );
    Object.assign(f, {
      orders,
      recency_days:
        orders === 0 ? null : maybe(pick([0, 3, 13, 14, 15, 29, 30, 41, 45, 90, 109.5, int(0, 365)])),
      orders_recent: maybe(pick([0, 1, 2, 3, 4, int(0, 120)])),
      tenure_days: maybe(pick([0, 5, 30, 60, 89, 90, 200, 364, 365, 366, 2000, int(0, 3000)])),
      growth: maybe(pick([-1, -0.25, 0, 0.49, 0.5, 0.505, 0.615, 1.005, 2.5, r() * 3 - 1]), 0.3),
      on_time_payment_rate: maybe(pick([0, 0.125, 0.5, 0.615, 0.7, 0.7000001, 0.9, 1, r()]), 0.2),
      days_past_due: maybe(pick([0, 10, 29, 30, 31, 45.5, int(0, 200)]), 0.2),
      disputes_open: maybe(pick([0, 0, 0, 1, 2])),
      severe_complaints: maybe(pick([0, 1, 2, 3, 4, 9])),
      credit_score: maybe(pick([1, 2, 3, 4, 4.5, 5, 6, 7, 8, 9])),
      churn_probability: maybe(pick([0, 0.3, 0.42, 0.4249, 0.425, 0.57, 0.995, r()]), 0.3),
      last_nps: maybe(pick([0, 3, 6, 7, 8, 9, 10]), 0.4),
      last_nps_days: maybe(pick([0, 1, 29, 30, 31, 179, 180, 181, 400]), 0.2),
      last_csat: maybe(pick([1, 2, 3, 4, 5]), 0.5),
      last_csat_days: maybe(pick([0, 12, 30, 31, 180, 181]), 0.2),
    });
    const tier = r() < 0.1 ? null : pick(TIERS);
    const previous =
      r() < 0.3
        ? null
        : { tier: r() < 0.1 ? null : pick(TIERS), tags: TAGS.filter(() => r() < 0.3).sort() as TagName[] };
    rows.push({ id: `C${String(i).padStart(6, '0')}`, features: f, tier, previous });
  }
  return rows;
}

const sqlValue = (v: number | string | null) =>
  v === null ? 'NULL' : typeof v === 'number' ? `CAST(${String(v)} AS DOUBLE PRECISION)` : `'${v}'`;

async function loadTables(db: Engine, rows: readonly Row[]) {
  const t = PIPELINE_TABLES;
  for (const name of [t.features, t.scored, t.previous]) await db.run(`DROP TABLE IF EXISTS ${name}`);
  await db.run(
    `CREATE TEMP TABLE ${t.features} (customer_id VARCHAR, ${FEATURE_NAMES.map((n) => `${n} DOUBLE PRECISION`).join(', ')}, ${ATTRIBUTES.map((a) => `${a} VARCHAR`).join(', ')})`,
  );
  await db.run(
    `INSERT INTO ${t.features} VALUES ${rows
      .map(
        (x) =>
          `('${x.id}', ${FEATURE_NAMES.map((n) => sqlValue(x.features[n] ?? null)).join(', ')}, ${ATTRIBUTES.map(() => "'x'").join(', ')})`,
      )
      .join(',\n')}`,
  );
  await db.run(
    `CREATE TEMP TABLE ${t.scored} (customer_id VARCHAR, score DOUBLE PRECISION, score_seed DOUBLE PRECISION, terms DOUBLE PRECISION[],
       segment VARCHAR, rank_pct DOUBLE PRECISION, candidate_tier VARCHAR, candidate_streak INTEGER, tier VARCHAR, tier_reason VARCHAR)`,
  );
  await db.run(
    `INSERT INTO ${t.scored} VALUES ${rows
      .map(
        (x, i) =>
          `('${x.id}', ${i / 7}, ${i / 7}, ARRAY[0.5, ${i / 100}], NULL, ${i / ROWS}, ${sqlValue(x.tier)}, 1, ${sqlValue(x.tier)}, 'quota')`,
      )
      .join(',\n')}`,
  );
  await db.run(
    `CREATE TEMP TABLE ${t.previous} (customer_id VARCHAR, tier VARCHAR, candidate_tier VARCHAR, candidate_streak INTEGER, score DOUBLE PRECISION, tags VARCHAR[])`,
  );
  const prev = rows.filter((x) => x.previous);
  await db.run(
    `INSERT INTO ${t.previous} VALUES ${prev
      .map(
        (x) =>
          `('${x.id}', ${sqlValue(x.previous?.tier ?? null)}, NULL, 1, 0, CAST(ARRAY[${(x.previous?.tags ?? []).map((g) => `'${g}'`).join(', ')}] AS VARCHAR[]))`,
      )
      .join(',\n')}`,
  );
}

function expected(config: TieringConfig, x: Row) {
  const input = {
    ...Object.fromEntries(TAG_FEATURES.map((n) => [n, x.features[n] ?? null])),
    tier: x.tier,
  } as TagInput;
  const tags = evaluateTags(config.tags, input, config.windows);
  const names = tags.map((t) => t.tag);
  const policy = effectivePolicy(config.policies, x.tier, names);
  const columns = policy ? policyColumns(policy) : Object.fromEntries(POLICY_COLUMNS.map((c) => [c, null]));
  return {
    customer_id: x.id,
    tags: names,
    tag_reasons: tags.map((t) => t.reason.en),
    ...columns,
    actions: actionKinds(triggeredActions(config.policies, { tier: x.tier, tags: names }, x.previous)),
  };
}

const defaultConfig = parseTieringConfig(readFileSync(defaultTieringConfigPath(), 'utf8'), 'default');
const variant: TieringConfig = TieringConfigSchema.parse({
  ...defaultConfig,
  windows: { longDays: 180, shortDays: 60 },
  tags: [
    ...defaultConfig.tags,
    {
      kind: 'churn_warning',
      gapFactor: 1.5,
      minGapDays: 7,
      frequencyDropTo: 0.6,
      minOrders: 1,
      // Resolved as a run resolves it; the file itself is read by the run, not by tagsPoliciesSql.
      model: { file: 'churn-model.json', minProbability: 0.42 },
    },
    { kind: 'high_potential', minGrowth: 0, minOrdersRecent: 0, maxTier: 'gold' },
    { kind: 'detractor', maxScore: 8, maxCsat: 3, withinDays: 30 },
  ],
  policies: {
    ...defaultConfig.policies,
    tags: {
      high_risk: [
        { kind: 'cap_credit', factor: 0.5 },
        { kind: 'raise_deposit', toPct: 10 },
      ],
      churn_warning: [
        { kind: 'shorten_terms', to: 'weekly' },
        { kind: 'cap_credit', factor: 0.3 },
        { kind: 'coupon', amount: 50 },
      ],
      high_potential: [{ kind: 'raise_deposit', toPct: 5 }],
      detractor: [{ kind: 'visit_task', withinDays: 3 }],
    },
  },
});

describeEachEngine('tags and policies in SQL', (kind) => {
  let engine: Engine | undefined;
  beforeAll(async () => {
    ({ engine } = await freshEngine(kind));
  });
  afterAll(async () => {
    await engine?.close();
  });

  describe('tagsPoliciesSql equals the TypeScript rules', () => {
    for (const [name, config, seed] of [
      ['default config', defaultConfig, 1],
      ['variant config (two rules of a kind, every action)', variant, 2],
    ] as const) {
      it(`${name}: tags, reasons, policy and actions`, async () => {
        const db = engine as Engine;
        const rows = syntheticRows(seed);
        await loadTables(db, rows);
        for (const statement of tagsPoliciesSql(db.dialect, config)) await db.run(statement);
        const got = await db.all(`SELECT * FROM ${PIPELINE_TABLES.tagged} ORDER BY customer_id`);
        expect(got).toHaveLength(rows.length);
        // Every column of tiering_scored is carried.
        expect(Object.keys(got[0] ?? {}).slice(0, 10)).toEqual([
          'customer_id',
          'score',
          'score_seed',
          'terms',
          'segment',
          'rank_pct',
          'candidate_tier',
          'candidate_streak',
          'tier',
          'tier_reason',
        ]);
        const pick = (r: Record<string, unknown>) =>
          Object.fromEntries(
            ['customer_id', 'tags', 'tag_reasons', ...POLICY_COLUMNS, 'actions'].map((k) => [k, r[k]]),
          );
        const want = rows.map((x) => expected(config, x));
        expect(got.map(pick)).toEqual(want);
        // The synthetic rows exercise every tag, action and a few reasons of each kind.
        const fired = new Set(want.flatMap((w) => w.tags));
        expect([...fired].sort()).toEqual([...TAGS].sort());
        const acted = new Set(want.flatMap((w) => w.actions));
        expect(acted.size).toBeGreaterThanOrEqual(6);
        expect(want.some((w) => w.tag_reasons.some((r) => r.includes('; ')))).toBe(true);
      });
    }
  });
});
