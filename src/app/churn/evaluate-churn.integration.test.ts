import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truthDatabase } from '../../../test/support/demo-database.js';
import { survivorMap } from '../../../test/support/tag-accuracy.js';
import { ChurnEvaluationSchema } from '../../contracts/churn/evaluation.js';
import { ChurnModelFileSchema } from '../../contracts/churn/model.js';
import { addDays } from '../../contracts/time/iso-date.js';
import type { Truth } from '../../contracts/truth.js';
import type { Engine } from '../../engines/engine.js';
import { rocAuc } from '../../domain/churn/roc-auc.js';
import { runChurnEvaluation } from './evaluate-churn.js';
import { scoreChurn } from './score-churn.js';
import { trainChurnModel } from './train-churn-model.js';

/** A smaller demo than bench/churn.ts's (5,000 customers), to keep the test short; same seed and period. */
const SPEC = { customers: 2000, seed: 7, months: 16, end: '2024-06-30' };

describe('churn models on the generated demo', () => {
  let engine: Engine;
  let truth: Truth;
  beforeAll(async () => {
    ({ engine, truth } = await truthDatabase(SPEC));
  });
  afterAll(() => engine?.close());

  for (const activeDays of [365, 90])
    it(`trains on earlier dates and beats chance on the test date (active = ordered in ${activeDays} days)`, async () => {
      const run = await runChurnEvaluation(engine, { population: { activeDays } });
      const e = ChurnEvaluationSchema.parse(run.evaluation);
      expect(e.dataEnd).toBe(SPEC.end);
      expect(e.test.asOf).toBe(addDays(SPEC.end, -60));
      for (const t of e.training) expect(addDays(t.asOf, 60) <= e.test.asOf).toBe(true);
      expect(e.test.customers).toBe(run.test.customerIds.length);
      const [gbdt, lr] = e.models;
      expect(gbdt?.model).toBe('gbdt');
      expect(gbdt?.auc).toBeGreaterThan(0.85);
      expect(gbdt?.auc).toBeGreaterThanOrEqual((lr?.auc ?? 1) - 0.02);
      for (const m of e.models) {
        expect(m.ece).toBeLessThan(0.03);
        expect(m.operatingPoint.precision).toBeGreaterThan(3 * e.test.baseRate);
        expect(m.importance[0]?.feature).toBe('recency_days');
      }
      // Planted churners that stopped in the 60 days before the test date are churned, and ranked high.
      const survivor = await survivorMap(engine);
      const index = new Map(run.test.customerIds.map((id, i) => [id, i]));
      const stopped = truth.churned
        .filter((c) => c.churnDate > addDays(e.test.asOf, -60) && c.churnDate <= e.test.asOf)
        .map((c) => index.get(survivor.get(c.customerId) ?? c.customerId))
        .filter((i): i is number => i !== undefined);
      expect(stopped.length).toBeGreaterThan(10);
      for (const i of stopped) expect(run.test.y[i]).toBe(1);
      // They rank above the customers who stay (an AUC over the stopped and the staying).
      const staying = run.test.customerIds.flatMap((_, i) => (run.test.y[i] === 0 ? [i] : []));
      const rows = [...stopped, ...staying];
      const auc = rocAuc(
        rows.map((i) => run.predictions.gbdt[i] as number),
        rows.map((_, k) => (k < stopped.length ? 1 : 0)),
      );
      expect(auc).toBeGreaterThan(0.9);
    });

  it('trains a model that survives JSON and scores the customers active on a date', async () => {
    const file = await trainChurnModel(engine, { asOf: SPEC.end });
    expect(file.trainedOn.at(-1)).toBe(addDays(SPEC.end, -60));
    const back = ChurnModelFileSchema.parse(JSON.parse(JSON.stringify(file)));
    const scores = await scoreChurn(engine, back, SPEC.end);
    expect(await scoreChurn(engine, file, SPEC.end)).toEqual(scores);
    expect(scores.length).toBeGreaterThan(1000);
    for (let i = 1; i < scores.length; i++)
      expect(scores[i]!.probability).toBeLessThanOrEqual(scores[i - 1]!.probability);
    for (const s of scores) expect(s.flagged).toBe(s.probability >= file.threshold);
    expect(scores.filter((s) => s.flagged).length).toBeGreaterThan(0);
  });

  it('refuses dates whose outcome is not known yet', async () => {
    await expect(runChurnEvaluation(engine, { asOf: '2024-06-01' })).rejects.toThrow(
      /label window after 2024-06-01 ends after the last order day 2024-06-30/,
    );
    await expect(trainChurnModel(engine, { asOf: '2024-07-01' })).rejects.toThrow(/after the last order day/);
  });
});
