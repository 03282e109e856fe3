import { afterEach, expect, it } from 'vitest';
import { describeEachEngine, freshEngine } from '../../../test/support/engines.js';
import type { Engine } from '../../engines/engine.js';
import { churnRowsAt } from './churn-rows.js';
import { lastOrderDay } from './data-end.js';

type Value = string | number | null;
const lit = (v: Value) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v}'`);
const insert = (db: Engine, table: string, rows: Value[][]) =>
  db.run(`INSERT INTO ${table} VALUES ${rows.map((r) => `(${r.map(lit).join(', ')})`).join(',\n')}`);
const customer = (id: string, type: string, created: string): Value[] => [
  id,
  `Shop ${id}`,
  type,
  type === 'chain' ? 'K1' : null,
  null,
  null,
  null,
  '北京',
  '朝阳区',
  null,
  null,
  null,
  null,
  null,
  created,
];
/** Wall-clock time in Asia/Shanghai (the tests' zone). */
const order = (id: string, who: string, local: string, status = 'completed'): Value[] => [
  id,
  who,
  `${local}+08`,
  100,
  null,
  status,
  null,
];

/**
 * As of 2024-03-31 with an active window of 60 days (2024-02-01…2024-03-31) and a label window of 30 days
 * (2024-04-01…2024-04-30), whole days in Asia/Shanghai.
 */
async function seed(db: Engine): Promise<void> {
  await insert(db, 'regions', [['北京', '朝阳区', 10, 0.3]]);
  await insert(db, 'customers', [
    customer('A', 'single', '2023-01-01'),
    customer('B', 'chain', '2023-01-01'),
    customer('C', 'single', '2023-01-01'),
    customer('D', 'single', '2023-01-01'),
    customer('E', 'single', '2024-03-01'),
  ]);
  await insert(db, 'orders', [
    order('A1', 'A', '2024-03-10 10:00:00'),
    order('A2', 'A', '2024-04-30 23:30:00'), // the last evening of the window: A stays
    order('B1', 'B', '2024-03-31 23:59:00'), // on the as-of day: active
    order('B2', 'B', '2024-05-01 00:10:00'), // just after the window: B churned
    order('C1', 'C', '2024-01-31 23:00:00'), // before the active window: not in the population
    order('C2', 'C', '2024-04-10 10:00:00'),
    order('D1', 'D', '2024-02-01 00:05:00'), // first minutes of the active window
    order('D2', 'D', '2024-04-15 10:00:00', 'cancelled'), // cancelled orders do not count: D churned
    order('E1', 'E', '2024-03-20 10:00:00'),
    order('E2', 'E', '2024-04-01 00:00:00'), // the window's first instant: E stays
  ]);
}

const population = { windowDays: 30, activeDays: 60, longDays: 365, shortDays: 90 };

describeEachEngine('churnRowsAt', (kind) => {
  let db: Engine | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('labels the active customers by whether they order in the window after the as-of date', async () => {
    db = (await freshEngine(kind)).engine;
    await seed(db);
    const rows = await churnRowsAt(db, '2024-03-31', population, true);
    expect(rows.customerIds).toEqual(['A', 'B', 'D', 'E']);
    expect(Array.from(rows.y)).toEqual([0, 1, 1, 0]);
    const column = (name: string) =>
      rows.customerIds.map((_, r) => rows.x.values[r * rows.x.names.length + rows.x.names.indexOf(name)]);
    expect(column('is_chain')).toEqual([0, 1, 0, 0]);
    // Features see nothing after the as-of date.
    expect(column('recency_days')).toEqual([21, 0, 59, 11]);
    expect(column('orders')).toEqual([1, 1, 1, 1]);
    expect(await lastOrderDay(db)).toBe('2024-05-01');
  });

  it('scores the same population without looking at the outcome', async () => {
    db = (await freshEngine(kind)).engine;
    await seed(db);
    const rows = await churnRowsAt(db, '2024-03-31', population, false);
    expect(rows.customerIds).toEqual(['A', 'B', 'D', 'E']);
    expect(Array.from(rows.y)).toEqual([0, 0, 0, 0]);
  });
});
