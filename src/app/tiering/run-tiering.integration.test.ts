import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/engines.js';
import { demoDatabase } from '../../../test/support/demo-database.js';
import { failingEngine } from '../../../test/support/failing-engine.js';
import { addDays } from '../../contracts/time/iso-date.js';
import type { Engine } from '../../engines/engine.js';
import { defaultEnd } from '../generate/generate-options.js';
import { buildReport } from './build-report.js';
import { explainCustomer } from './explain-customer.js';
import { loadTieringConfig } from './load-config.js';
import { runTiering } from './run-tiering.js';
import { whatIf, whatIfAsOf } from './what-if.js';
import { addOverride, removeOverride } from './overrides.js';

const asOf = defaultEnd();
const weekBefore = addDays(asOf, -7);

describeEachEngine('runTiering', (kind) => {
  let engine: Engine;
  beforeAll(async () => {
    ({ engine } = await demoDatabase(800, 6, 11, kind));
  });
  afterAll(async () => engine.close());

  describe('runTiering on a demo', () => {
    it('writes a snapshot whose tiers follow the quotas and whose report agrees with the summary', async () => {
      const config = await loadTieringConfig();
      const first = await runTiering(engine, { config, asOf: weekBefore });
      const second = await runTiering(engine, { config, asOf });
      expect(second.previousRunId).toBe(first.runId);
      const ranked = second.tiers.platinum + second.tiers.gold + second.tiers.silver + second.tiers.bronze;
      expect(ranked + second.excluded).toBe(second.customers);
      // Hysteresis may hold a few customers back, so the quotas hold to within a few customers.
      expect(Math.abs(second.tiers.platinum - 0.05 * ranked)).toBeLessThanOrEqual(0.02 * ranked);

      const report = await buildReport(engine);
      expect(report.runId).toBe(second.runId);
      expect(Object.fromEntries(report.tiers.map((t) => [t.tier, t.customers]))).toEqual(second.tiers);
      expect(report.tags).toEqual(second.tags);
      const moved = report.migration.reduce((n, m) => n + m.customers, 0);
      expect(moved).toBe(second.customers);
      expect(report.tiers[0]!.revenueShare).toBeGreaterThan(report.tiers[3]!.revenueShare);
    });

    it('starts a what-if on the date of the latest run from that run’s tiers', async () => {
      const report = await buildReport(engine);
      const stored =
        'SELECT (SELECT count(*) FROM tier_snapshots) AS snapshots, (SELECT count(*) FROM tiering_runs) AS runs';
      const before = await engine.all(stored);
      const w = await whatIf(engine, await loadTieringConfig(), await whatIfAsOf(engine, '2000-01-01'));
      // A what-if writes nothing and leaves none of its temp tables behind.
      expect(await engine.all(stored)).toEqual(before);
      await expect(engine.all('SELECT count(*) AS n FROM tiering_features')).rejects.toThrow(
        /tiering_features/,
      );
      expect(w.asOf).toBe(asOf);
      const current = (tier: string) =>
        w.migration.filter((m) => m.from === tier).reduce((n, m) => n + m.customers, 0);
      for (const t of report.tiers) expect([t.tier, current(t.tier)]).toEqual([t.tier, t.customers]);
      expect(w.moved).toBe(0);
    });

    it('explains a customer: contributions add up to the score, and the previous run is named', async () => {
      const [row] = await engine.all(
        `SELECT customer_id FROM tier_snapshots WHERE tier = 'gold' ORDER BY customer_id LIMIT 1`,
      );
      const e = await explainCustomer(engine, String(row!.customer_id));
      expect(e.tier).toBe('gold');
      const sum = e.contributions.reduce((s, c) => s + c.contribution, 0);
      expect(sum).toBeCloseTo(e.score!, 9);
      expect(e.previous?.runId).toBeDefined();
      expect(e.boundaries.map((b) => b.tier)).toContain('gold');
      expect(e.policy?.credit.terms).toBe('monthly');
    });

    it('applies a manual override until it expires, and reports it as the reason', async () => {
      const config = await loadTieringConfig();
      const [bronze] = await engine.all(
        `SELECT customer_id FROM tier_snapshots WHERE tier = 'bronze' AND tier_reason = 'quota' ORDER BY customer_id LIMIT 1`,
      );
      const id = String(bronze!.customer_id);
      const kept = await addOverride(
        engine,
        { customerId: id, tier: 'platinum', reason: 'strategic account', author: 'lead' },
        'Asia/Shanghai',
        new Date(Date.now() - 60_000),
      );
      // Created later, so it would win if its expiry were ignored.
      await addOverride(
        engine,
        { customerId: id, tier: 'gold', reason: 'old decision', author: 'lead', until: weekBefore },
        'Asia/Shanghai',
      );
      await runTiering(engine, { config, asOf });
      const e = await explainCustomer(engine, id);
      expect([e.tier, e.tierReason]).toEqual(['platinum', 'override']);
      await removeOverride(engine, kept.overrideId);
      await expect(
        addOverride(
          engine,
          { customerId: 'NOPE', tier: 'gold', reason: 'typo', author: 'lead' },
          'Asia/Shanghai',
        ),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('compares a candidate configuration without writing anything', async () => {
      const config = await loadTieringConfig();
      const runsBefore = await engine.all('SELECT count(*) AS n FROM tiering_runs');
      const candidate = {
        ...config,
        tiers: {
          ...config.tiers,
          quotas: { platinum: 10, gold: 10, silver: 30, bronze: 50 },
          hysteresis: null,
        },
      };
      const w = await whatIf(engine, candidate, asOf);
      const toPlatinum = w.migration.filter((m) => m.to === 'platinum').reduce((n, m) => n + m.customers, 0);
      const ranked = w.migration.filter((m) => m.to !== 'excluded').reduce((n, m) => n + m.customers, 0);
      expect(toPlatinum).toBe(Math.round(ranked * 0.1));
      expect(w.moved).toBeGreaterThan(0);
      // Twice as many Platinum customers get the Platinum rebate and dedicated managers.
      expect(w.cost.change.dedicatedManagers).toBeGreaterThan(0);
      expect(w.cost.change.rebateCost).toBeGreaterThan(0);
      expect(await engine.all('SELECT count(*) AS n FROM tiering_runs')).toEqual(runsBefore);
      // The pipeline's temp tables went with the failed run: the next run on this connection starts clean.
      await expect(engine.all('SELECT count(*) AS n FROM tiering_tagged')).rejects.toThrow(/tiering_tagged/);
    });

    it('tiers chains as one unit when configured, and explains a chain', async () => {
      const config = await loadTieringConfig();
      const [expected] = await engine.all(
        `SELECT count(DISTINCT coalesce(chain_id, customer_id)) AS n FROM customers_clean WHERE created_date <= DATE '${asOf}'`,
      );
      const summary = await runTiering(engine, { config: { ...config, unit: 'chain' }, asOf });
      expect(summary.customers).toBe(Number(expected!.n));
      const [chain] = await engine.all(
        `SELECT customer_id FROM tier_snapshots WHERE run_id = '${summary.runId}' AND customer_type = 'chain' LIMIT 1`,
      );
      const [branches] = await engine.all(
        `SELECT count(*) AS n FROM customers_clean WHERE chain_id = '${String(chain!.customer_id)}'`,
      );
      expect(Number(branches!.n)).toBeGreaterThan(1);
      const e = await explainCustomer(engine, String(chain!.customer_id), summary.runId);
      expect(e.contributions.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(e.score!, 9);
    });

    it('leaves the previous snapshot intact when a run fails midway', async () => {
      const config = await loadTieringConfig();
      const before = await engine.all('SELECT count(*) AS n FROM tier_snapshots');
      const runsBefore = await engine.all('SELECT count(*) AS n FROM tiering_runs');
      const failing = failingEngine(engine, 'transaction', (sql) =>
        sql.startsWith('INSERT INTO tiering_runs'),
      );
      await expect(runTiering(failing, { config, asOf })).rejects.toThrow('disk full');
      expect(await engine.all('SELECT count(*) AS n FROM tier_snapshots')).toEqual(before);
      expect(await engine.all('SELECT count(*) AS n FROM tiering_runs')).toEqual(runsBefore);
    });
  });
});
