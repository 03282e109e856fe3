import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoDatabase } from '../../../test/support/demo-database.js';
import { inboundEvent } from '../../../test/support/inbound-event.js';
import { describeEachEngine, TEST_TZ } from '../../../test/support/engines.js';
import { failingEngine } from '../../../test/support/failing-engine.js';
import { TieringConfigSchema, type TieringConfig } from '../../contracts/tiering/config.js';
import { featureVectorOf } from '../../contracts/tiering/features.js';
import { TIERS } from '../../contracts/tiering/tiers.js';
import { segmentConfig } from '../../domain/tiering/pilots.js';
import { scoreCustomers } from '../../domain/tiering/scoring/score-customers.js';
import type { Engine, Row } from '../../engines/engine.js';
import { defaultEnd } from '../generate/generate-options.js';
import { processBatch } from '../stream/process-batch.js';
import { loadRunReference } from '../stream/run-reference.js';
import { addDays } from '../../contracts/time/iso-date.js';
import { assignExperiment } from '../experiments/assign-experiment.js';
import { createExperiment } from '../experiments/experiments.js';
import { buildReport } from './build-report.js';
import { explainCustomer } from './explain-customer.js';
import { loadTieringConfig } from './load-config.js';
import { runTiering, type RunSummary } from './run-tiering.js';
import { whatIf } from './what-if.js';

/**
 * A pilot: the largest city tiered by the profit model with its own quotas and Platinum rebate, the other cities
 * by the national configuration, each ranked within its own population.
 */
describeEachEngine('pilots: a configuration active only in chosen cities', (kind) => {
  let engine: Engine;
  let national: TieringConfig;
  let piloted: TieringConfig;
  let city: string;
  let run: RunSummary;
  let rows: Row[];
  const asOf = defaultEnd();
  const select = (sql: string, params: unknown[] = []) => engine.all({ sql, params: params as never });

  beforeAll(async () => {
    ({ engine } = await demoDatabase(500, 8, 31, kind));
    national = await loadTieringConfig();
    const [largest] = await select(
      'SELECT city, count(*) AS n FROM customers_clean GROUP BY city ORDER BY n DESC, city LIMIT 1',
    );
    city = String(largest!.city);
    const rebated = { ...national.policies.tiers.platinum.price, rebatePct: 3.5 };
    piloted = TieringConfigSchema.parse({
      ...national,
      pilots: [
        {
          name: 'profit-pilot',
          cities: [city, '不存在市'],
          primaryModel: 'profit',
          tiers: { ...national.tiers, quotas: { platinum: 10, gold: 20, silver: 30, bronze: 40 } },
          policies: {
            ...national.policies,
            tiers: {
              ...national.policies.tiers,
              platinum: { ...national.policies.tiers.platinum, price: rebated },
            },
          },
        },
      ],
    });
    run = await runTiering(engine, { config: piloted, asOf });
    rows = await select('SELECT * FROM tier_snapshots WHERE run_id = $1 ORDER BY customer_id', [run.runId]);
  });
  afterAll(async () => engine.close());

  it('tiers the pilot city under the pilot and every other customer under the national configuration', () => {
    const inPilot = rows.filter((r) => r.city === city);
    expect(inPilot.length).toBeGreaterThan(20);
    expect(rows.length - inPilot.length).toBeGreaterThan(100);
    expect(rows.every((r) => r.pilot === (r.city === city ? 'profit-pilot' : null))).toBe(true);
    const [pilot] = run.pilots;
    expect(pilot).toMatchObject({
      name: 'profit-pilot',
      customers: inPilot.length,
      unknownCities: ['不存在市'],
    });
    for (const t of TIERS) {
      expect(pilot!.tiers[t]).toBe(inPilot.filter((r) => r.tier === t).length);
      expect(run.tiers[t]).toBe(rows.filter((r) => r.tier === t).length);
    }
  });

  it('reports the tier distribution by pilot', async () => {
    const report = await buildReport(engine, run.runId);
    expect(report.distribution.pilot['profit-pilot']).toEqual(run.pilots[0]!.tiers);
    const national = report.distribution.pilot.national!;
    for (const t of TIERS) expect(national[t]).toBe(run.tiers[t] - run.pilots[0]!.tiers[t]);
  });

  it('scores, quotas and ranks each segment within itself, as the in-memory scorer does', () => {
    for (const pilot of ['profit-pilot', null]) {
      const segment = rows.filter((r) => r.pilot === pilot);
      const scored = scoreCustomers(segmentConfig(piloted, pilot), segment.map(featureVectorOf), {
        previous: new Map(),
        overrides: [],
        endOfAsOf: `${asOf}T16:00:00.000Z`,
      });
      expect(scored.map((s) => s.tier)).toEqual(segment.map((r) => r.tier));
      scored.forEach((s, i) => expect(Number(segment[i]!.score)).toBeCloseTo(s.score, 9));
    }
    // The pilot's quotas: 10 % Platinum of its ranked customers.
    const ranked = rows.filter((r) => r.pilot !== null && r.rank_pct !== null);
    const platinum = ranked.filter((r) => r.candidate_tier === 'platinum').length;
    expect(platinum).toBe(Math.floor(ranked.length * 0.1 + 0.5));
  });

  it('gives the pilot’s Platinum the pilot’s rebate and the national Platinum the national one', () => {
    const rebates = (pilot: string | null) =>
      new Set(
        rows.filter((r) => r.pilot === pilot && r.tier === 'platinum').map((r) => Number(r.rebate_pct)),
      );
    expect([...rebates('profit-pilot')]).toEqual([3.5]);
    expect([...rebates(null)]).toEqual([national.policies.tiers.platinum.price.rebatePct]);
  });

  it('explains a pilot customer with the pilot’s model and boundaries', async () => {
    const customer = rows.find((r) => r.pilot !== null && r.tier === 'gold')!;
    const explanation = await explainCustomer(engine, String(customer.customer_id), run.runId);
    expect(explanation).toMatchObject({ pilot: 'profit-pilot', model: 'profit', tier: 'gold' });
    expect(explanation.contributions.map((c) => c.feature)).not.toContain('recency_days');
    const pilotGold = rows.filter((r) => r.pilot !== null && r.tier === 'gold' && r.tier_reason === 'quota');
    const gold = explanation.boundaries.find((b) => b.tier === 'gold');
    expect(gold?.minScore).toBeCloseTo(Math.min(...pilotGold.map((r) => Number(r.score))), 9);
  });

  it('what-if runs every segment: the same configuration moves nobody, the national one moves the pilot city', async () => {
    const same = await whatIf(engine, piloted, asOf, { config: piloted, from: 'test' });
    expect(same.moved).toBe(0);
    expect(same.migration.reduce((n, m) => n + m.customers, 0)).toBe(rows.length);
    const back = await whatIf(engine, national, asOf, { config: piloted, from: 'test' });
    expect(back.moved).toBeGreaterThan(0);
    expect(back.cost.current.rebateCost).toBeCloseTo(same.cost.current.rebateCost, 2);
  });

  // Before the A/B test's run: the stream decides against the latest run only.
  it('the stream rescores a pilot customer under the pilot and a national one under the national configuration', async () => {
    const pilotCustomer = rows.find((r) => r.pilot !== null && r.rank_pct !== null)!;
    const nationalCustomer = rows.find((r) => r.pilot === null && r.rank_pct !== null)!;
    const reference = await loadRunReference(engine, run.runId);
    expect(reference.segments.map((s) => s.pilot)).toEqual([null, 'profit-pilot']);
    // A complaint changes neither model's features: each customer keeps the score its own segment gave it.
    const complaint = (id: string, customerId: string) =>
      inboundEvent({
        id,
        type: 'complaint.filed',
        occurredAt: `${asOf}T10:00:00+08:00`,
        customerId,
        data: { complaintId: `C-${id}`, category: 'delivery', severity: 'low' },
      });
    const outcome = await processBatch(
      engine,
      reference,
      [
        complaint('p-1', String(pilotCustomer.customer_id)),
        complaint('n-1', String(nationalCustomer.customer_id)),
      ],
      new Date(`${asOf}T12:00:00+08:00`),
      TEST_TZ,
    );
    expect(outcome.applied).toEqual(['p-1', 'n-1']);
    const decided = await select(
      'SELECT customer_id, score, model_scores FROM stream_decisions ORDER BY customer_id',
    );
    for (const customer of [pilotCustomer, nationalCustomer]) {
      const decision = decided.find((d) => d.customer_id === customer.customer_id)!;
      expect(Number(decision.score)).toBeCloseTo(Number(customer.score), 9);
    }
  });
  it('a pilot can take one variant of an experiment: an A/B test of a tiering configuration', async () => {
    await createExperiment(
      engine,
      {
        name: 'profit tiers',
        population: { tiers: ['gold', 'silver'] },
        variants: [{ name: 'control' }, { name: 'profit' }],
        start: addDays(asOf, 1),
        preDays: 60,
      },
      'analyst',
      new Date(),
    );
    await assignExperiment(engine, 'profit tiers', new Date());
    const ab = TieringConfigSchema.parse({
      ...piloted,
      pilots: [
        ...piloted.pilots,
        {
          name: 'ab-profit',
          experiment: { name: 'profit tiers', variant: 'profit' },
          primaryModel: 'profit',
        },
      ],
    });
    const second = await runTiering(engine, { config: ab, asOf: addDays(asOf, 1) });
    const assigned = new Map(
      (await select('SELECT customer_id, variant FROM experiment_assignments')).map((r) => [
        String(r.customer_id),
        String(r.variant),
      ]),
    );
    const pilots = await select('SELECT customer_id, city, pilot FROM tier_snapshots WHERE run_id = $1', [
      second.runId,
    ]);
    // The city pilot comes first in the configuration, so it keeps its city's treated customers.
    const expected = (r: Row) =>
      r.city === city
        ? 'profit-pilot'
        : assigned.get(String(r.customer_id)) === 'profit'
          ? 'ab-profit'
          : null;
    expect(pilots.filter((r) => r.pilot !== expected(r))).toEqual([]);
    const abSummary = second.pilots.find((p) => p.name === 'ab-profit')!;
    expect(abSummary.experiment).toEqual({ name: 'profit tiers', variant: 'profit' });
    expect(abSummary.customers).toBe(pilots.filter((r) => r.pilot === 'ab-profit').length);
    expect(abSummary.customers).toBeGreaterThan(20);
  });

  it('leaves nothing behind when a run fails while tiering a pilot, so the next run on the connection works', async () => {
    const runs = await select('SELECT count(*) AS n FROM tiering_runs');
    let staged = 0;
    // The national segment's rows are staged first; the pilot's, with every customer's features set aside.
    const failing = failingEngine(
      engine,
      'session',
      (sql) => sql.startsWith('INSERT INTO "tiering_snapshot_rows"') && ++staged === 2,
    );
    await expect(runTiering(failing, { config: piloted, asOf })).rejects.toThrow('disk full');
    expect(staged).toBe(2);
    expect(await select('SELECT count(*) AS n FROM tiering_runs')).toEqual(runs);
    const again = await runTiering(engine, { config: piloted, asOf });
    expect(again.customers).toBe(run.customers);
    expect(again.pilots.map((p) => p.customers)).toEqual(run.pilots.map((p) => p.customers));
  });
});
