import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../engines/engine.js';
import { openEngine } from '../../engines/registry.js';
import { migrate } from '../migrate.js';
import { computeFeatures } from '../tiering/compute-features.js';
import { importOnlineRetail } from './import-online-retail.js';
import { ONLINE_RETAIL_TIME_ZONE } from './online-retail.js';

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

describe('importOnlineRetail', () => {
  it('loads the sample through the regular import, in UK time, and the engine computes its features', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'online-retail-'));
    const db = await openEngine(
      { kind: 'duckdb', path: join(dir, 'db.duckdb') },
      { timeZone: ONLINE_RETAIL_TIME_ZONE },
    );
    engine = db;
    await migrate(db);
    const { imported } = await importOnlineRetail(
      db,
      'test/fixtures/online-retail/online_retail_sample.csv',
      dir,
    );
    expect(imported.quarantineTotal).toBe(0);
    expect(Object.fromEntries(imported.files.map((f) => [f.source, f.loaded]))).toEqual({
      regions: 2,
      customers: 5,
      orders: 9,
      refunds: 4,
    });
    const [orders] = await db.all(`SELECT count(*) AS n, sum(amount) AS total FROM orders_clean`);
    expect(Number(orders?.n)).toBe(9);
    expect(Number(orders?.total)).toBeCloseTo(173235.96, 2);
    // GMT in December, BST in June: the wall-clock times are read as London's.
    const times = await db.all(
      `SELECT order_id, ordered_at FROM orders WHERE order_id IN ('536409', '557092') ORDER BY order_id`,
    );
    expect(times.map((r) => r.ordered_at)).toEqual(['2010-12-01T11:45:00.000Z', '2011-06-16T14:39:00.000Z']);
    const [refunds] = await db.all(`SELECT count(*) AS n FROM refunds_clean`);
    expect(Number(refunds?.n)).toBe(4);
    await computeFeatures(db, db.dialect, {
      asOf: '2011-12-09',
      longDays: 365,
      shortDays: 90,
      unit: 'customer',
    });
    const features = await db.all(
      `SELECT customer_id, orders, monetary, recency_days, return_rate FROM tiering_features ORDER BY customer_id`,
    );
    expect(features.find((f) => f.customer_id === '16446')).toEqual({
      customer_id: '16446',
      orders: 2,
      monetary: 2.9, // 168,469.60 ordered and credited the same day
      recency_days: 0,
      return_rate: 168469.6 / 168472.5,
    });
    // 537899 on 2010-12-09 is a day before the long window 2010-12-10…2011-12-09.
    expect(features.find((f) => f.customer_id === '12755')).toMatchObject({ orders: 1, recency_days: 280 });
  });
});
