import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { truthDatabase } from '../../../test/support/demo-database.js';
import { describeEachEngine } from '../../../test/support/engines.js';
import type { TieringConfig } from '../../contracts/tiering/config.js';
import { featureVectorOf } from '../../contracts/tiering/features.js';
import { TIERS } from '../../contracts/tiering/tiers.js';
import { scoreCustomers } from '../../domain/tiering/scoring/score-customers.js';
import type { Engine } from '../../engines/engine.js';
import { loadTieringConfig } from '../tiering/load-config.js';
import { runTiering } from '../tiering/run-tiering.js';
import { backtestTiering } from './backtest-tiering.js';

const END = '2024-06-30';
const AS_OF = '2024-01-31';

describeEachEngine('tiering by predicted value (predicted_clv) on a generated demo', (kind) => {
  let engine: Engine | undefined;
  let dir = '';
  let config: TieringConfig;

  beforeAll(async () => {
    ({ engine, dir } = await truthDatabase({ customers: 1_200, seed: 5, months: 14, end: END }, kind));
    const base = await loadTieringConfig();
    config = {
      ...base,
      models: {
        ...base.models,
        clv: { kind: 'predicted_clv', winsorize: { lower: 0.01, upper: 0.99 } },
        clv_blend: {
          kind: 'predicted_clv',
          blend: { preset: 'profit', weight: 0.3 },
          winsorize: { lower: 0.01, upper: 0.99 },
        },
      },
      primaryModel: 'clv',
    };
  });

  afterAll(async () => {
    await engine?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('a run fits BG/NBD and Gamma-Gamma, stores predicted_margin and ranks tiers by it', async () => {
    const db = engine as Engine;
    const summary = await runTiering(db, { config, asOf: AS_OF });
    expect(summary.predictions?.model).toBe('bgnbd');
    expect(Object.keys(summary.predictions?.params ?? {})).toEqual(['r', 'alpha', 'a', 'b']);
    expect(summary.predictions?.spendParams).not.toBeNull();
    const rows = await db.all(
      `SELECT customer_id, tier, score, predicted_margin, orders, margin FROM tier_snapshots WHERE run_id = '${summary.runId}'`,
    );
    expect(rows.length).toBe(summary.customers);
    expect(rows.every((r) => r.predicted_margin !== null)).toBe(true);
    // A customer who bought often and with margin is predicted to be worth more than one who never ordered.
    const ordering = rows.filter((r) => Number(r.orders) > 10 && Number(r.margin) > 0);
    expect(ordering.length).toBeGreaterThan(50);
    expect(ordering.every((r) => Number(r.predicted_margin) > 0)).toBe(true);
    // First run, no hysteresis history: tiers follow the predicted margin.
    const margins = (tier: string) =>
      rows.filter((r) => r.tier === tier).map((r) => Number(r.predicted_margin));
    for (let t = 0; t + 1 < TIERS.length; t++)
      expect(Math.min(...margins(TIERS[t] as string))).toBeGreaterThanOrEqual(
        Math.max(...margins(TIERS[t + 1] as string)),
      );
  });

  it('the SQL scores equal the in-memory scorer on the stored features (both models)', async () => {
    const db = engine as Engine;
    const [run] = await db.all(`SELECT run_id FROM tiering_runs ORDER BY finished_at DESC LIMIT 1`);
    const rows = await db.all(
      `SELECT * FROM tier_snapshots WHERE run_id = '${String(run?.run_id)}' ORDER BY customer_id`,
    );
    const scored = scoreCustomers(config, rows.map(featureVectorOf), {
      previous: new Map(),
      overrides: [],
      endOfAsOf: `${AS_OF}T16:00:00.000Z`,
    });
    // model_scores holds every configured model's score in the order of config.models.
    const blendAt = Object.keys(config.models).indexOf('clv_blend');
    const stored = (i: number) => (rows[i]?.model_scores as number[])[blendAt] as number;
    expect(rows.length).toBeGreaterThan(1000);
    const differences = scored.filter(
      (s, i) =>
        !(Math.abs(s.score - Number(rows[i]?.score)) <= 1e-9) ||
        !(Math.abs((s.modelScores.clv_blend as number) - stored(i)) <= 1e-9),
    );
    expect(differences).toEqual([]);
  });

  it('the backtest measures how each model separates the following half-year’s revenue', async () => {
    const b = await backtestTiering(engine as Engine, { base: config, asOf: AS_OF, followingDays: 150 });
    expect(b.rows.map((r) => r.model)).toEqual([
      'seed_rfm',
      'rfm_quintile',
      'weighted_profit',
      'weighted_growth',
      'predicted_clv',
      'predicted_clv_blend',
    ]);
    expect(b.followingRevenue).toBeGreaterThan(0);
    for (const r of b.rows) {
      expect(r.top20RevenueShare).toBeGreaterThan(0.2); // every model beats chance on this data
      expect(r.gini).toBeGreaterThan(0);
      expect(r.spearman).toBeGreaterThan(0);
    }
    const clv = b.rows.find((r) => r.model === 'predicted_clv');
    const seed = b.rows.find((r) => r.model === 'seed_rfm');
    console.log(
      b.rows
        .map(
          (r) =>
            `${r.model}: top20 ${r.top20RevenueShare.toFixed(3)} gini ${r.gini.toFixed(3)} rho ${r.spearman.toFixed(3)}`,
        )
        .join('\n'),
    );
    // The prediction is about the following period; it must order customers at least as well as the seed rule.
    expect(clv?.spearman).toBeGreaterThanOrEqual((seed?.spearman ?? 0) - 0.02);
  });
});
