import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truthDatabase } from '../../../test/support/demo-database.js';
import { churnAccuracy, weekly } from '../../../test/support/tag-accuracy.js';
import type { ChurnModelFile } from '../../contracts/churn/model.js';
import { TieringConfigSchema, type TagRule, type TieringConfig } from '../../contracts/tiering/config.js';
import type { Truth } from '../../contracts/truth.js';
import type { Engine } from '../../engines/engine.js';
import { trainChurnModel } from '../churn/train-churn-model.js';
import { loadTieringConfig } from './load-config.js';
import { runTiering } from './run-tiering.js';

/**
 * The churn_warning rule with a saved churn model (GBDT trained on earlier as-of dates of the same demo): the run
 * scores the active customers, stores churn_probability, tags those at or above the model's threshold with the
 * model named in the reason, and records the resolved threshold in the run's configuration.
 */
const END = '2024-06-30';
const TRAINED_AS_OF = '2024-03-03';
const RUN_AS_OF = '2024-05-01';

let engine: Engine | undefined;
let dir = '';
let truth: Truth;
let base: TieringConfig;
let model: ChurnModelFile;
let modelPath = '';

const withRule = (rule: Partial<Extract<TagRule, { kind: 'churn_warning' }>>): TieringConfig =>
  TieringConfigSchema.parse({
    ...base,
    tags: base.tags.map((t) => (t.kind === 'churn_warning' ? { ...t, ...rule } : t)),
  });

beforeAll(async () => {
  ({ engine, truth, dir } = await truthDatabase({ customers: 3_000, seed: 7, months: 16, end: END }));
  base = await loadTieringConfig();
  model = await trainChurnModel(engine, { asOf: TRAINED_AS_OF });
  modelPath = join(dir, 'churn-model.json');
  await writeFile(modelPath, JSON.stringify(model));
});

afterAll(async () => {
  await engine?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('churn_warning with a saved churn model', () => {
  it('a run stores churn_probability for active customers and tags those at the model’s threshold', async () => {
    const db = engine as Engine;
    const summary = await runTiering(db, {
      config: withRule({ model: { file: modelPath } }),
      asOf: RUN_AS_OF,
    });
    const [run] = await db.all(`SELECT config FROM tiering_runs WHERE run_id = '${summary.runId}'`);
    const stored = TieringConfigSchema.parse(JSON.parse(String(run?.config)));
    const rule = stored.tags.find((t) => t.kind === 'churn_warning');
    expect(rule?.kind === 'churn_warning' && rule.model?.minProbability).toBe(model.threshold);

    const rows = await db.all(
      `SELECT customer_id, recency_days, churn_probability, tags, tag_reasons FROM tier_snapshots WHERE run_id = '${summary.runId}'`,
    );
    const active = (r: (typeof rows)[number]) =>
      r.recency_days !== null && Number(r.recency_days) < model.population.activeDays;
    expect(rows.filter(active).length).toBeGreaterThan(1000);
    expect(rows.every((r) => (r.churn_probability !== null) === active(r))).toBe(true);
    const byModel = rows.filter(
      (r) => r.churn_probability !== null && Number(r.churn_probability) >= model.threshold,
    );
    expect(byModel.length).toBeGreaterThan(10);
    for (const r of byModel) {
      const tags = r.tags as string[];
      const reason = (r.tag_reasons as string[])[tags.indexOf('churn_warning')];
      expect(reason).toContain('churn model: ');
    }
  });

  it('against the planted churners: the model’s flags are precise, and with the rule recall is kept; figures printed', async () => {
    const db = engine as Engine;
    const dates = weekly('2024-03-03', '2024-06-16');
    const ruleOnly = await churnAccuracy(db, base, truth, dates);
    const combined = await churnAccuracy(db, withRule({ model: { file: modelPath } }), truth, dates);
    // The rule's own parts switched off (gap never long enough, no drop): the model alone.
    const modelOnly = await churnAccuracy(
      db,
      withRule({ gapFactor: 1e6, minGapDays: 1e6, frequencyDropTo: 0, model: { file: modelPath } }),
      truth,
      dates,
    );
    const line = (name: string, r: typeof ruleOnly) =>
      `${name}: recall ${r.recall.recall.toFixed(3)} (${r.recall.truePositives}/${r.recall.truth}), precision ${r.precision.precision.toFixed(3)} (${r.precision.truePositives}/${r.precision.flagged})`;
    console.log(
      [line('rule', ruleOnly), line('model', modelOnly), line('rule or model', combined)].join('\n'),
    );
    expect(ruleOnly.recall.truth).toBeGreaterThan(20);
    expect(combined.recall.recall).toBeGreaterThanOrEqual(ruleOnly.recall.recall);
    expect(combined.precision.flagged).toBeGreaterThanOrEqual(ruleOnly.precision.flagged);
    // The model predicts no order in its 60-day window; its flags are mostly planted churners (measured 0.96).
    expect(modelOnly.precision.precision).toBeGreaterThan(0.8);
    expect(modelOnly.precision.flagged).toBeGreaterThan(100);
  });
});
