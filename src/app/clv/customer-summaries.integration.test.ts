import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { customerSummaries } from './customer-summaries.js';
import type { Engine } from '../../engines/engine.js';
import {
  cdnowPublishedSummary,
  cdnowTransactions,
  roundHalfUp2,
} from '../../../test/support/cdnow-transactions.js';
import { describeEachEngine, freshEngine, type FreshEngine } from '../../../test/support/engines.js';
import { groupedHistoriesSql, transactionSpanSql } from '../../sql/clv/summary-sql.js';

const CALIBRATION = { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', periodDays: 7 };
const SOURCE = { relation: 'cdnow_tx' };

describeEachEngine('CLV summary statistics computed in the engine, on the CDNOW sample', (kind) => {
  let fresh: FreshEngine | undefined;
  let engine: Engine;

  beforeAll(async () => {
    fresh = await freshEngine(kind);
    engine = fresh.engine;
    await engine.run(
      'CREATE TABLE cdnow_tx (customer_id VARCHAR, day DATE, amount DOUBLE PRECISION, margin DOUBLE PRECISION)',
    );
    await engine.bulkLoad(
      'cdnow_tx',
      ['customer_id', 'day', 'amount', 'margin'],
      cdnowTransactions().map((t) => [t.customerId, t.day, String(t.dollars), String(t.dollars / 2)]),
    );
  });

  afterAll(async () => {
    await fresh?.engine.close();
    if (fresh) await rm(fresh.dir, { recursive: true, force: true });
  });

  it('reproduces the published x, t_x, T and zbar of all 2,357 customers and the 1,882 holdout purchases', async () => {
    const s = await customerSummaries(engine, engine.dialect, SOURCE, CALIBRATION);
    const published = cdnowPublishedSummary();
    expect(s.customerId).toHaveLength(2357);
    const mismatches = s.customerId.filter((id, i) => {
      const p = published.get(id);
      return (
        !p ||
        p.x !== s.x[i] ||
        p.tx !== roundHalfUp2(s.tx[i] as number) ||
        p.T !== roundHalfUp2(s.T[i] as number) ||
        p.zbar !== roundHalfUp2(s.zbar[i] as number)
      );
    });
    expect(mismatches).toEqual([]);
    expect(s.x.reduce((a, b) => a + b, 0)).toBe(2457);
    expect(s.xHoldout.reduce((a, b) => a + b, 0)).toBe(1882);
    // margin was given as half the amount: the per-repeat margin follows the amount.
    const i = s.customerId.indexOf('1');
    expect(s.marginBar[i]).toBeCloseTo((s.zbar[i] as number) / 2, 9);
  });

  it('groups identical histories in the engine: groups cover every customer once', async () => {
    const groups = await engine.all(groupedHistoriesSql(engine.dialect, SOURCE, CALIBRATION));
    const customers = groups.reduce((sum, g) => sum + Number(g.n), 0);
    expect(customers).toBe(2357);
    expect(groups.length).toBeLessThan(2357);
    const zeros = groups.find((g) => Number(g.x) === 0 && Math.abs(Number(g.T) - 272 / 7) < 1e-9);
    expect(Number(zeros?.n)).toBeGreaterThan(1);
  });

  it('reports the span of the transactions', async () => {
    const [span] = await engine.all(transactionSpanSql(SOURCE));
    expect(span).toMatchObject({ first_day: '1997-01-01', last_day: '1998-06-30' });
    expect(Number(span?.n)).toBe(6919);
  });
});
