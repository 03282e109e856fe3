import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/engines.js';
import { demoDatabase } from '../../../test/support/demo-database.js';
import { addDays } from '../../contracts/time/iso-date.js';
import type { TieringConfig } from '../../contracts/tiering/config.js';
import { backfillDates } from '../../domain/tiering/backfill-dates.js';
import type { Engine } from '../../engines/engine.js';
import { defaultEnd } from '../generate/generate-options.js';
import { backfillRuns } from './backfill-runs.js';
import { loadTieringConfig } from './load-config.js';

const WEEKS = 8;

/** Mean share of customers whose tier differs from the week before, over consecutive runs. */
async function weeklyTierChurn(engine: Engine, config: TieringConfig): Promise<number> {
  const end = defaultEnd();
  const from = addDays(end, -7 * (WEEKS - 1));
  const runs = await backfillRuns(engine, { config, dates: backfillDates(from, end, 'week') });
  const shares: number[] = [];
  for (const run of runs.slice(1)) {
    const [row] = await engine.all(
      `SELECT avg(CASE WHEN a.tier IS DISTINCT FROM b.tier THEN 1.0 ELSE 0.0 END) AS churn
       FROM tier_snapshots a JOIN tier_snapshots b ON a.customer_id = b.customer_id
       WHERE a.run_id = '${run.previousRunId}' AND b.run_id = '${run.runId}'`,
    );
    shares.push(Number(row!.churn));
  }
  return shares.reduce((s, x) => s + x, 0) / shares.length;
}

/** Forgets every tiering run, so that the next series of runs starts without a previous snapshot. */
async function forgetRuns(engine: Engine): Promise<void> {
  await engine.transaction(async (tx) => {
    await tx.run('DELETE FROM tier_snapshots');
    await tx.run('DELETE FROM tiering_runs');
  });
}

describeEachEngine('hysteresis churn', (kind) => {
  // One demo for both series (built once: the import is most of this test's time), its runs forgotten between them.
  let engine: Engine;
  beforeAll(async () => {
    ({ engine } = await demoDatabase(2000, 12, 21, kind));
  });
  afterAll(async () => {
    await engine.close();
  });

  describe('hysteresis', () => {
    it('lowers week-over-week tier churn on the demo data', async () => {
      const config = await loadTieringConfig();
      const churnWith = await weeklyTierChurn(engine, config);
      await forgetRuns(engine);
      const churnWithout = await weeklyTierChurn(engine, {
        ...config,
        tiers: { ...config.tiers, hysteresis: null },
      });
      console.log(
        `week-over-week tier churn over ${WEEKS} weekly runs, 2,000 customers: ` +
          `without hysteresis ${(100 * churnWithout).toFixed(2)} %, with (margin ${config.tiers.hysteresis?.marginPct} pp or ${config.tiers.hysteresis?.runs} runs) ${(100 * churnWith).toFixed(2)} %`,
      );
      expect(churnWithout).toBeGreaterThan(0);
      expect(churnWith).toBeLessThan(churnWithout);
    });
  });
});
