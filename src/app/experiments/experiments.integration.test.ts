import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../contracts/time/iso-date.js';
import { plantEffect } from '../../domain/generation/planted-effect.js';
import type { Engine } from '../../engines/engine.js';
import { boundarySampleSql } from '../../sql/experiments/boundary-sql.js';
import { describeEachEngine, TEST_TZ } from '../../../test/support/engines.js';
import { truthDatabase } from '../../../test/support/demo-database.js';
import { importFiles } from '../import/import-files.js';
import { loadTieringConfig } from '../tiering/load-config.js';
import { runTiering } from '../tiering/run-tiering.js';
import { analyzeExperiment } from './analyze-experiment.js';
import { assignExperiment } from './assign-experiment.js';
import { createExperiment, listExperiments } from './experiments.js';
import { plantExperimentEffect, writePlantedOrders, type PlantResult } from './plant-effect.js';
import { tierBoundaryEffect } from './tier-boundary-effect.js';

const END = '2025-06-30';
const START = addDays(END, -55);
const NOW = new Date('2025-07-01T02:00:00Z');

describeEachEngine('experiments', (kind) => {
  let engine: Engine;
  let dir: string;
  let planted: PlantResult;

  beforeAll(async () => {
    ({ engine, dir } = await truthDatabase({ customers: 800, seed: 21, months: 6, end: END }, kind));
    await runTiering(engine, { config: await loadTieringConfig(), asOf: addDays(START, -1) });
  }, 300_000);
  afterAll(() => engine.close());

  const rebate = {
    name: 'rebate +1 %',
    variants: [{ name: 'control' }, { name: 'rebate', extraRebatePct: 1 }],
    start: START,
    preDays: 90,
  };

  describe('create and assign', () => {
    it('saves a validated spec, and refuses a second experiment of that name or a bad spec naming the field', async () => {
      const e = await createExperiment(engine, rebate, 'analyst', NOW);
      expect(e).toMatchObject({ name: 'rebate +1 %', unit: 'customer', start: START, assignedAt: null });
      expect(e.spec.strata).toEqual(['tier', 'city']);
      await expect(createExperiment(engine, rebate, 'analyst', NOW)).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      await expect(
        createExperiment(engine, { ...rebate, name: 'x', variants: [{ name: 'only' }] }, 'analyst', NOW),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'variants' } });
      await expect(analyzeExperiment(engine, e.experimentId, END)).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    });

    it('randomises within tier × city strata, freezes the assignment and returns it unchanged when asked again', async () => {
      const first = await assignExperiment(engine, 'rebate +1 %', NOW);
      expect(first.alreadyAssigned).toBe(false);
      const [control, treated] = first.variants;
      expect(control!.customers + treated!.customers).toBeGreaterThan(500);
      expect(Math.abs(control!.customers - treated!.customers)).toBeLessThanOrEqual(first.strata);
      const perStratum = await engine.all(
        `SELECT stratum, sum(CASE WHEN variant = 'rebate' THEN 1 ELSE 0 END) AS t, count(*) AS n
         FROM experiment_assignments GROUP BY stratum`,
      );
      expect(perStratum).toHaveLength(first.strata);
      for (const s of perStratum) expect(Math.abs(2 * Number(s.t) - Number(s.n))).toBeLessThanOrEqual(1);
      const before = await engine.all(
        'SELECT customer_id, variant FROM experiment_assignments ORDER BY customer_id',
      );
      const again = await assignExperiment(engine, 'rebate +1 %', new Date());
      expect(again).toMatchObject({ alreadyAssigned: true, runId: first.runId, variants: first.variants });
      expect(
        await engine.all('SELECT customer_id, variant FROM experiment_assignments ORDER BY customer_id'),
      ).toEqual(before);
      expect((await listExperiments(engine))[0]?.assignedAt).not.toBeNull();
    });
  });

  describe('analysis', () => {
    beforeAll(async () => {
      planted = await plantExperimentEffect(engine, 'rebate +1 %', {
        lift: 0.25,
        end: END,
        seed: 5,
        out: join(dir, 'planted'),
      });
      await importFiles(engine, {
        target: { kind: 'file', source: 'orders', file: planted.ordersFile },
        timeZone: TEST_TZ,
        now: NOW,
      });
    });

    it('recovers the planted effect inside its 95 % interval, and CUPED narrows the interval', async () => {
      expect(planted.orders).toBeGreaterThan(100);
      const result = await analyzeExperiment(engine, 'rebate +1 %', END);
      expect(result.srm.mismatch).toBe(false);
      expect(result).toMatchObject({ preStart: addDays(START, -90), start: START, end: END, caveats: [] });
      const [comparison] = result.comparisons;
      const gmv = comparison!.effects.find((e) => e.metric === 'gmv')!;
      expect(gmv.cuped).toBe(true);
      expect(gmv.ciLow).toBeLessThan(planted.gmvPerCustomer);
      expect(gmv.ciHigh).toBeGreaterThan(planted.gmvPerCustomer);
      expect(gmv.ciLow).toBeGreaterThan(0);
      const width = (e: { ciLow: number; ciHigh: number }) => e.ciHigh - e.ciLow;
      expect(width(gmv)).toBeLessThan(0.8 * width(comparison!.unadjusted));
      expect(comparison!.varianceReduction).toBeGreaterThan(0.3);
      const margin = comparison!.effects.find((e) => e.metric === 'margin')!;
      expect(margin.ciLow).toBeLessThan(planted.marginPerCustomer);
      expect(margin.ciHigh).toBeGreaterThan(planted.marginPerCustomer);
      // The policy cost of a 1 % rebate is 1 % of the treated customers' post-period GMV.
      const [gmvSum] = await engine.all(
        `SELECT sum(o.amount) AS gmv FROM orders_clean o JOIN experiment_assignments a ON a.customer_id = o.customer_id
         WHERE a.variant = 'rebate' AND o.status = 'completed' AND o.ordered_at >= TIMESTAMPTZ '${START} 00:00:00+08'`,
      );
      expect(comparison!.roi.policyCost).toBeGreaterThan(0);
      expect(comparison!.roi.policyCost / Number(gmvSum!.gmv)).toBeCloseTo(0.01, 3);
      expect(comparison!.roi.net).toBeCloseTo(
        comparison!.roi.incrementalMargin - comparison!.roi.policyCost,
        6,
      );
    });

    it('randomises reps as clusters, so that no rep serves both arms, and analyses with cluster-robust errors', async () => {
      await createExperiment(
        engine,
        {
          ...rebate,
          name: 'weekly visits',
          unit: 'rep',
          variants: [{ name: 'biweekly' }, { name: 'weekly', extraVisitsPerMonth: 2 }],
        },
        'analyst',
        NOW,
      );
      const assigned = await assignExperiment(engine, 'weekly visits', NOW);
      expect(assigned.variants.every((v) => v.units > 0)).toBe(true);
      const split = await engine.all(
        `SELECT unit_id FROM experiment_assignments a JOIN experiments e ON e.experiment_id = a.experiment_id
         WHERE e.name = 'weekly visits' GROUP BY unit_id HAVING count(DISTINCT variant) > 1`,
      );
      expect(split).toEqual([]);
      const result = await analyzeExperiment(engine, 'weekly visits', END);
      expect(result.unit).toBe('rep');
      expect(result.caveats.join(' ')).toMatch(/clusters/);
      const [c] = result.comparisons;
      // Two extra visits a month for every treated customer over the post-period, at 80 yuan a visit.
      expect(c!.roi.policyCost).toBeCloseTo(2 * (56 / 30.4375) * 80 * c!.customers, 2);
    });
  });

  describe('tier edges without an experiment', () => {
    it('finds a jump planted above the gold edge inside its interval, and none at the silver edge', async () => {
      const [run] = await engine.all(
        `SELECT run_id FROM tiering_runs WHERE as_of = DATE '${addDays(START, -1)}'`,
      );
      const runId = String(run!.run_id);
      const sample = await engine.all(boundarySampleSql(engine.dialect, runId, addDays(START, -1), 56));
      const golden = sample.filter((r) => r.candidate_tier === 'gold' || r.candidate_tier === 'platinum');
      const planted = plantEffect(
        golden.map((r) => ({
          customerId: String(r.customer_id),
          ordersPre: Number(r.orders_pre),
          gmvPre: Number(r.gmv_pre),
          marginPre: Number(r.margin_pre),
        })),
        { lift: 0.6, preDays: 56, start: START, end: END, seed: 9, idPrefix: 'PX-EDGE' },
      );
      const file = join(dir, 'edge-orders.csv');
      await writePlantedOrders(file, planted.orders);
      await importFiles(engine, {
        target: { kind: 'file', source: 'orders', file },
        timeZone: TEST_TZ,
        now: NOW,
      });

      const gold = await tierBoundaryEffect(engine, {
        tier: 'gold',
        metric: 'gmv',
        days: 56,
        asOf: END,
        runId,
      });
      expect(gold).toMatchObject({ runId, share: 0.2 });
      // The true jump at the edge: what was planted per customer just inside it.
      const edge = golden.filter((r) => Number(r.rank_pct) >= 0.2 - gold.bandwidth / 100);
      const plantedAt =
        edge.reduce(
          (s, r) =>
            s +
            planted.orders.filter((o) => o.customerId === r.customer_id).reduce((a, o) => a + o.amount, 0),
          0,
        ) / edge.length;
      expect(gold.ciLow).toBeGreaterThan(0);
      expect(gold.ciLow).toBeLessThan(plantedAt);
      expect(gold.ciHigh).toBeGreaterThan(plantedAt);
      expect(gold.compliance.below).toBeLessThan(gold.compliance.above);
      expect(gold.caveats.join(' ')).toMatch(/intention to treat/);
      const silver = await tierBoundaryEffect(engine, {
        tier: 'silver',
        metric: 'gmv',
        days: 56,
        asOf: END,
        runId,
      });
      expect(silver.ciLow).toBeLessThan(0);
      expect(silver.ciHigh).toBeGreaterThan(0);
      await expect(
        tierBoundaryEffect(engine, { tier: 'gold', metric: 'gmv', days: 56, asOf: addDays(END, -30), runId }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'days' } });
    });
  });
});
