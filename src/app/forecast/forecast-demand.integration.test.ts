import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { truthDatabase } from '../../../test/support/demo-database.js';
import { describeEachEngine, freshEngine } from '../../../test/support/engines.js';
import { UNTIERED, type Forecast } from '../../contracts/forecast/forecast.js';
import { addDays } from '../../contracts/time/iso-date.js';
import { TIERS } from '../../contracts/tiering/tiers.js';
import type { Engine } from '../../engines/engine.js';
import { loadTieringConfig } from '../tiering/load-config.js';
import { runTiering } from '../tiering/run-tiering.js';
import { expectedCustomerValue } from './customer-value.js';
import { forecastDemand } from './forecast-demand.js';

const END = '2024-06-30';
const WEEKS = 4;
const ALL = ['category', 'city', 'tier'] as const;

const sum = (rows: readonly object[], key: string) =>
  rows.reduce((s, r) => s + Number((r as Record<string, unknown>)[key] ?? 0), 0);

describeEachEngine('demand forecast on a generated demo', (kind) => {
  let engine: Engine | undefined;
  let dir = '';
  let holdout: Forecast;

  beforeAll(async () => {
    ({ engine, dir } = await truthDatabase({ customers: 1_200, seed: 3, months: 12, end: END }, kind));
    holdout = await forecastDemand(engine, { weeks: WEEKS, latest: END, holdout: true, by: ALL });
  });

  afterAll(async () => {
    await engine?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('forecasts the weeks after the data end − N weeks, with totals that are the sums of the cells', () => {
    expect(holdout.asOf).toBe(addDays(END, -7 * WEEKS));
    expect(holdout.totals.map((t) => [t.week, t.from, t.to])).toEqual([
      [1, '2024-06-03', '2024-06-09'],
      [2, '2024-06-10', '2024-06-16'],
      [3, '2024-06-17', '2024-06-23'],
      [4, '2024-06-24', '2024-06-30'],
    ]);
    for (const t of holdout.totals) {
      const cells = holdout.cells.filter((c) => c.week === t.week);
      for (const key of ['value', 'quantity', 'newCustomerValue', 'actualValue', 'naiveValue'] as const)
        expect(t[key]).toBeCloseTo(sum(cells, key), 4);
      expect(t.value).toBeGreaterThan(0);
      expect(t.newCustomerValue).toBeLessThan(t.value);
    }
    expect(new Set(holdout.cells.map((c) => c.tier))).toEqual(new Set([UNTIERED]));
    expect(holdout.tieringRun).toBeNull();
  });

  it('splits the customers’ expected value into cells without losing any', async () => {
    const db = engine as Engine;
    const value = await expectedCustomerValue(db, { asOf: holdout.asOf, weeks: WEEKS, model: 'bgnbd' });
    const correction = holdout.levelCorrection;
    expect(correction.kind).toBe('applied');
    const factor = correction.kind === 'applied' ? correction.factor : 1;
    value.weeklyValue.forEach((week, k) => {
      const expected = week.reduce((s, v) => s + v, 0) * factor;
      const t = holdout.totals[k];
      expect((t?.value ?? 0) - (t?.newCustomerValue ?? 0)).toBeCloseTo(expected, 2);
    });
  });

  it('measures the actuals as the line value of the completed orders in each week', async () => {
    const db = engine as Engine;
    const [row] = await db.all(
      `SELECT sum(CAST(l.quantity AS DOUBLE PRECISION) * CAST(l.unit_price AS DOUBLE PRECISION) - COALESCE(CAST(l.discount AS DOUBLE PRECISION), 0)) AS value,
              sum(CAST(l.quantity AS DOUBLE PRECISION)) AS quantity
       FROM orders_clean o JOIN order_lines_clean l ON l.order_id = o.order_id
       WHERE o.status = 'completed' AND ${db.dialect.dateOf('o.ordered_at')} BETWEEN DATE '2024-06-03' AND DATE '${END}'`,
    );
    expect(sum(holdout.totals, 'actualValue')).toBeCloseTo(Number(row?.value), 2);
    expect(sum(holdout.totals, 'actualQuantity')).toBeCloseTo(Number(row?.quantity), 4);
  });

  it('scores the holdout: the model is not much worse than the naive forecast, overall and per category', () => {
    const e = holdout.evaluation;
    expect(e).not.toBeNull();
    for (const m of [e!.value, e!.quantity]) {
      const { model, naive } = m.horizon;
      expect(model.cells).toBe(naive.cells);
      expect(model.actual).toBeCloseTo(naive.actual, 6);
      expect(model.mape).toBeGreaterThan(0);
      expect(model.wmape).toBeLessThan(1.25 * (naive.wmape as number));
      expect(m.byWeek).toHaveLength(WEEKS);
    }
    const categories = new Set(holdout.cells.map((c) => c.category));
    expect(e!.value.byCategory.map((c) => c.category).sort()).toEqual([...categories].sort());
    // Over all categories the model's cells are about as good as the naive ones, not in every single one.
    const wins = e!.value.byCategory.filter(
      (c) => (c.model.wmape as number) <= 1.25 * (c.naive.wmape as number),
    );
    expect(wins.length).toBeGreaterThanOrEqual(categories.size / 2);
  });

  it('labels the cells with the tiers of the latest tiering run up to the as-of date', async () => {
    const db = engine as Engine;
    const run = await runTiering(db, { config: await loadTieringConfig(), asOf: holdout.asOf });
    const byTier = await forecastDemand(db, {
      weeks: WEEKS,
      asOf: holdout.asOf,
      latest: END,
      holdout: false,
      by: ['tier'],
    });
    expect(byTier.tieringRun).toEqual({ runId: run.runId, asOf: holdout.asOf });
    const tiers = new Set(byTier.cells.map((c) => c.tier));
    expect(
      [...tiers].every((t) => (TIERS as readonly string[]).includes(t as string) || t === UNTIERED),
    ).toBe(true);
    expect([...tiers].filter((t) => t !== UNTIERED).length).toBeGreaterThan(1);
    expect(byTier.cells.every((c) => c.category === undefined && c.city === undefined)).toBe(true);
    // The same forecast as the holdout's, only split into other cells.
    expect(byTier.evaluation).toBeNull();
    byTier.totals.forEach((t, k) => expect(t.value).toBeCloseTo(holdout.totals[k]?.value as number, 2));
    // A forecast from before the run does not see it.
    const before = await forecastDemand(db, {
      weeks: 1,
      asOf: addDays(holdout.asOf, -1),
      latest: END,
      holdout: false,
      by: ['tier'],
    });
    expect(before.tieringRun).toBeNull();
  });

  it('refuses a holdout beyond the data', async () => {
    await expect(
      forecastDemand(engine as Engine, { weeks: 2, asOf: '2024-06-20', latest: END, holdout: true, by: ALL }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('fails with a clear error without order lines', async () => {
    const empty = await freshEngine(kind);
    try {
      await expect(
        forecastDemand(empty.engine, { weeks: 4, latest: END, holdout: false, by: ALL }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no order lines/) });
    } finally {
      await empty.engine.close();
      await rm(empty.dir, { recursive: true, force: true });
    }
  });
});
