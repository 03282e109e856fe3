import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truthDatabase } from '../../../test/support/demo-database.js';
import { churnAccuracy, riskAccuracy, weekly } from '../../../test/support/tag-accuracy.js';
import type { TieringConfig } from '../../contracts/tiering/config.js';
import type { Truth } from '../../contracts/truth.js';
import type { Engine } from '../../engines/engine.js';
import { loadTieringConfig } from './load-config.js';

/**
 * The default churn_warning and high_risk rules measured against the anomalies the generator planted, on a
 * 5,000-customer demo with 16 months of history (so that the 365-day window is full on every as-of date).
 * churn_warning is evaluated on weekly as-of dates: recall = share of planted churners flagged on an as-of date
 * within 4 weeks after their churnDate; precision = share of (date, flagged customer) pairs whose customer is a
 * planted churner that churned before the date + 28 days. The targets, recall ≥ 0.8 and precision ≥ 0.7,
 * are asserted (docs/configuration.md, "Tags", reports the figures).
 */
const CUSTOMERS = 5_000;
const SEED = 7;
const END = '2024-06-30';
const AS_OF = weekly('2024-03-03', '2024-06-16');

let dir = '';
let engine: Engine | undefined;
let truth: Truth;
let config: TieringConfig;

beforeAll(async () => {
  ({ engine, truth, dir } = await truthDatabase({ customers: CUSTOMERS, seed: SEED, months: 16, end: END }));
  config = await loadTieringConfig();
});

afterAll(async () => {
  await engine?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe(`default tag rules against the planted truth of a ${CUSTOMERS}-customer demo`, () => {
  it('churn_warning: recall within 4 weeks of churnDate and precision over weekly as-of dates', async () => {
    const r = await churnAccuracy(engine as Engine, config, truth, AS_OF);
    console.log(
      `churn_warning over ${AS_OF.length} weekly as-of dates ${AS_OF[0]}…${AS_OF.at(-1)}: ` +
        `recall ${r.recall.recall.toFixed(3)} (${r.recall.truePositives}/${r.recall.truth} churners), ` +
        `precision ${r.precision.precision.toFixed(3)} (${r.precision.truePositives}/${r.precision.flagged} flags)`,
    );
    expect(r.recall.truth).toBeGreaterThan(30);
    expect(r.recall.recall).toBeGreaterThanOrEqual(0.8);
    expect(r.precision.precision).toBeGreaterThanOrEqual(0.7);
  });

  it('high_risk: precision and recall on the last day', async () => {
    const r = await riskAccuracy(engine as Engine, config, truth, END);
    console.log(
      `high_risk as of ${END}: precision ${r.precision.toFixed(3)} (${r.truePositives}/${r.flagged}), ` +
        `recall ${r.recall.toFixed(3)} (${r.truePositives}/${r.truth}); by planted reason: ` +
        Object.entries(r.byReason)
          .map(([k, v]) => `${k} ${v.found}/${v.truth}`)
          .join(', '),
    );
    expect(r.recall).toBeGreaterThanOrEqual(0.8);
    expect(r.precision).toBeGreaterThanOrEqual(0.7);
  });
});
