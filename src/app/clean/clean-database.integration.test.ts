import { afterEach, expect, it } from 'vitest';
import { describeEachEngine, freshEngine } from '../../../test/support/engines.js';
import { CleaningReportSchema } from '../../contracts/cleaning-report.js';
import type { Engine } from '../../engines/engine.js';
import { cleanDatabase } from './clean-database.js';

const lit = (v: string | number | null) =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`;
const values = (rows: (string | number | null)[][]) =>
  rows.map((r) => `(${r.map(lit).join(', ')})`).join(',\n');

/** Minutes after 2024-03-01 10:00 Shanghai time, as a timestamp literal. */
const at = (minutes: number) =>
  new Date(Date.parse('2024-03-01T10:00:00+08:00') + minutes * 60_000).toISOString();

async function seed(db: Engine): Promise<void> {
  await db.run(`INSERT INTO regions VALUES ('北京', '朝阳区', 12, 0.4), ('北京', '海淀区', 12, 0.4)`);
  // customer_id, name, type, chain, cuisine, seats, stores, city, district, address, lat, lon, phone, contact, created
  const customers: (string | number | null)[][] = [
    [
      'C1',
      '蜀香阁（望京店）',
      'chain',
      'K1',
      '川菜',
      80,
      12,
      '北京',
      '朝阳区',
      '北京市朝阳区望京街10号',
      39.99,
      116.47,
      '4008001234',
      '王伟',
      '2023-01-05',
    ],
    [
      'C2',
      '蜀香阁（国贸店）',
      'chain',
      'K1',
      '川菜',
      80,
      12,
      '北京',
      '朝阳区',
      '北京市朝阳区建国路88号',
      39.908,
      116.46,
      '4008001234',
      '李娜',
      '2023-02-01',
    ],
    [
      'C3',
      '蜀香閣 望京店',
      'chain',
      'K1',
      '川菜',
      80,
      12,
      '北京',
      '朝阳区',
      '朝陽區望京街10號',
      39.9901,
      116.4701,
      '4008001234',
      '王伟',
      '2024-01-10',
    ],
    [
      'C4',
      '沙县小吃',
      'single',
      null,
      '小吃',
      20,
      1,
      '北京',
      '朝阳区',
      '北京市朝阳区光华路5号',
      39.915,
      116.45,
      '13800000004',
      '陈芳',
      '2023-03-01',
    ],
    [
      'C5',
      '沙县小吃',
      'single',
      null,
      '小吃',
      20,
      1,
      '北京',
      '海淀区',
      '北京市海淀区中关村大街5号',
      39.98,
      116.31,
      '13800000005',
      '张敏',
      '2023-03-01',
    ],
    [
      'C6',
      'ＫＦＣ ＆ Co',
      'single',
      null,
      '快餐',
      40,
      1,
      '北京',
      '海淀区',
      '北京市海淀区学院路1号',
      39.99,
      116.35,
      '13800000006',
      '赵磊',
      '2023-04-01',
    ],
  ];
  await db.run(`INSERT INTO customers VALUES ${values(customers)}`);

  const orders: (string | number | null)[][] = [];
  const lines: (string | number | null)[][] = [];
  const refunds: (string | number | null)[][] = [];
  const order = (
    id: string,
    customer: string,
    minutes: number,
    amount: number,
    status: string,
    channel: string,
    sku = 'S1',
  ) => {
    orders.push([id, customer, at(minutes), amount, null, status, channel]);
    lines.push([id, 1, sku, '粮油', 1, amount, 0]);
  };
  // A brushing burst of 8 orders of ≈¥35 in 45 minutes, 6 cancelled and 1 refunded in full next day.
  for (let i = 0; i < 8; i++) {
    const id = `B${i}`;
    order(
      id,
      'C4',
      60 * 24 * 10 + i * 6,
      35 + (i % 3) * 0.5,
      i < 6 ? 'cancelled' : 'completed',
      i % 2 ? 'app' : 'mini_program',
    );
    if (i === 6) refunds.push([`RB${i}`, id, at(60 * 24 * 11), 35, '取消']);
  }
  // Not brushing: six small same-SKU app orders in an hour, but only half cancelled (a party's top-ups).
  for (let i = 0; i < 6; i++)
    order(`P${i}`, 'C6', 60 * 24 * 12 + i * 10, 40, i < 3 ? 'cancelled' : 'completed', 'app', 'S3');
  // Ordinary history: C4 orders ¥300–¥400 daily; two or three orders on one day are normal.
  for (let day = 0; day < 30; day++)
    order(`N${day}`, 'C4', day * 60 * 24, 300 + (day % 5) * 20, 'completed', 'app', 'S2');
  order('N30', 'C4', 5 * 60 * 24 + 30, 35, 'completed', 'app', 'S1');
  order('N31', 'C4', 5 * 60 * 24 + 60, 36, 'completed', 'app', 'S1');
  // A ¥90 000 order from a ¥350 customer: an amount outlier.
  order('X1', 'C4', 40 * 60 * 24, 90_000, 'completed', 'sales_rep', 'S2');
  // Refunds: an ordinary full refund, a huge one (20×), and two partial ones that add up above the order.
  order('R1', 'C5', 100, 200, 'completed', 'phone');
  order('R2', 'C5', 200, 150, 'completed', 'phone');
  order('R3', 'C5', 300, 100, 'completed', 'phone');
  order('C3-1', 'C3', 400, 500, 'completed', 'phone');
  refunds.push(['F1', 'R1', at(2000), 200, '质量问题']);
  refunds.push(['F2', 'R2', at(2000), 3000, '质量问题']);
  refunds.push(['F3', 'R3', at(2000), 60, '少送']);
  refunds.push(['F4', 'R3', at(2100), 60, '少送']);

  await db.run(`INSERT INTO orders VALUES ${values(orders)}`);
  await db.run(`INSERT INTO order_lines VALUES ${values(lines)}`);
  await db.run(`INSERT INTO refunds VALUES ${values(refunds)}`);
}

const ids = async (db: Engine, query: string) => (await db.all(query)).map((r) => Object.values(r).join(':'));

describeEachEngine('cleanDatabase', (kind) => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.close());

  it('normalises, merges duplicates, flags outliers in SQL and exposes the clean views', async () => {
    ({ engine } = await freshEngine(kind));
    await seed(engine);
    const report = await cleanDatabase(engine, { runId: 'run-1' });
    expect(CleaningReportSchema.parse(report)).toEqual(report);

    expect(await ids(engine, 'SELECT customer_id, survivor_id, rule FROM customer_merges')).toEqual([
      'C3:C1:same_phone',
    ]);
    expect(
      await ids(
        engine,
        `SELECT customer_id, name, branch FROM customer_normalised WHERE customer_id IN ('C3', 'C6') ORDER BY 1`,
      ),
    ).toEqual(['C3:蜀香阁(望京店):望京店', 'C6:KFC & Co:']);
    expect(await ids(engine, `SELECT rule, count(*) FROM order_flags GROUP BY rule ORDER BY rule`)).toEqual([
      'amount_outlier:1',
      'brushing:8',
    ]);
    expect(await ids(engine, `SELECT refund_id, rule FROM refund_flags ORDER BY refund_id`)).toEqual([
      'F2:huge_refund',
      'F4:refund_exceeds_order',
    ]);

    expect(await ids(engine, 'SELECT customer_id FROM customers_clean ORDER BY 1')).toEqual([
      'C1',
      'C2',
      'C4',
      'C5',
      'C6',
    ]);
    expect(
      await ids(engine, `SELECT customer_id, source_customer_id FROM orders_clean WHERE order_id = 'C3-1'`),
    ).toEqual(['C1:C3']);
    expect(
      await ids(engine, `SELECT count(*) FROM orders_clean WHERE order_id LIKE 'B%' OR order_id = 'X1'`),
    ).toEqual(['0']);
    expect(await ids(engine, `SELECT refund_id FROM refunds_clean ORDER BY 1`)).toEqual(['F1', 'F3']);
    expect(await ids(engine, `SELECT merged_records FROM customers_clean WHERE customer_id = 'C1'`)).toEqual([
      '1',
    ]);

    expect(report.duplicates.merged).toBe(1);
    expect(report.orders.byRule.find((r) => r.rule === 'brushing')).toMatchObject({ count: 8, groups: 1 });
    expect(report.refunds.flagged).toBe(2);
    expect(await ids(engine, 'SELECT run_id, orders_flagged FROM cleaning_runs')).toEqual(['run-1:9']);
  });

  it('replaces the previous results atomically and leaves raw tables untouched', async () => {
    ({ engine } = await freshEngine(kind));
    await seed(engine);
    await cleanDatabase(engine, { runId: 'run-1' });
    await cleanDatabase(engine, { runId: 'run-2' });
    expect(await ids(engine, 'SELECT DISTINCT run_id FROM order_flags')).toEqual(['run-2']);
    expect(await ids(engine, 'SELECT count(*) FROM order_flags')).toEqual(['9']);
    expect(await ids(engine, 'SELECT run_id FROM cleaning_runs ORDER BY 1')).toEqual(['run-1', 'run-2']);
    expect(await ids(engine, `SELECT name FROM customers WHERE customer_id = 'C3'`)).toEqual([
      '蜀香閣 望京店',
    ]);
    // A failing run (duplicate run id) leaves the previous results in place.
    await expect(cleanDatabase(engine, { runId: 'run-2' })).rejects.toThrow();
    expect(await ids(engine, 'SELECT DISTINCT run_id FROM order_flags')).toEqual(['run-2']);
  });

  it('reads as uncleaned data before the first run', async () => {
    ({ engine } = await freshEngine(kind));
    await seed(engine);
    expect(await ids(engine, 'SELECT count(*) FROM customers_clean')).toEqual(['6']);
    expect(await ids(engine, `SELECT count(*) FROM orders_clean`)).toEqual([String(8 + 6 + 32 + 1 + 4)]);
  });
});
