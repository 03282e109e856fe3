import { afterEach, expect, it } from 'vitest';
import { describeEachEngine, freshEngine } from '../../../test/support/engines.js';
import { ATTRIBUTES, FEATURE_NAMES } from '../../contracts/tiering/features.js';
import type { Engine, Row } from '../../engines/engine.js';
import { cleanDatabase } from '../clean/clean-database.js';
import { computeFeatures } from './compute-features.js';

type Value = string | number | null;
const lit = (v: Value) =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`;
const insert = (db: Engine, table: string, rows: Value[][]) =>
  db.run(`INSERT INTO ${table} VALUES ${rows.map((r) => `(${r.map(lit).join(', ')})`).join(',\n')}`);
/** Wall-clock time in Asia/Shanghai. */
const at = (local: string) => `${local}+08`;

/**
 * Four customers and a chain, with features worked out by hand for 2024-06-30 (long window 2023-07-02…2024-06-30,
 * short 2024-04-02…, previous short 2024-01-03…2024-04-01, repurchase hindsight: orders before 2024-06-01):
 * - C1, single, with a duplicate registration C1D merged into it, a brushing burst, refunds, late and unpaid
 *   invoices, an expired and an active contract, and rows after the as-of date;
 * - C2, single, opened in 2024 and without any activity;
 * - C3 and C4, two branches of chain K9;
 * - C5, opened after the as-of date.
 */
async function seed(db: Engine): Promise<void> {
  await insert(db, 'regions', [
    ['北京', '朝阳区', 12.5, 0.4],
    ['北京', '海淀区', 8, 0.2],
  ]);
  // prettier-ignore
  await insert(db, 'customers', [
    ['C1', '川味小馆', 'single', null, '川菜', 50, 1, '北京', '朝阳区', '北京市朝阳区望京街10号', 39.99, 116.47, '13800000001', '王伟', '2023-01-01'],
    ['C1D', '川味小館', 'single', null, '川菜', 50, 1, '北京', '朝阳区', '朝陽區望京街10號', 39.9901, 116.4701, '13800000001', '王伟', '2023-06-01'],
    ['C2', '老北京炸酱面', 'single', null, '面食', null, 1, '北京', '海淀区', '北京市海淀区学院路1号', 39.99, 116.35, '13800000002', '赵磊', '2024-01-15'],
    ['C3', '湘味轩（国贸店）', 'chain', 'K9', '湘菜', 100, 12, '北京', '朝阳区', '北京市朝阳区建国路88号', 39.908, 116.46, '4008009999', '李娜', '2022-01-01'],
    ['C4', '湘味轩（中关村店）', 'chain', 'K9', '湘菜', 60, 12, '北京', '海淀区', '北京市海淀区中关村大街5号', 39.98, 116.31, '4008009999', '张敏', '2023-03-01'],
    ['C5', '新开小馆', 'single', null, '快餐', 20, 1, '北京', '海淀区', '北京市海淀区学院路99号', 39.995, 116.36, '13800000005', '陈芳', '2024-08-01'],
  ]);
  const orders: Value[][] = [
    ['O1', 'C1', at('2023-05-01 10:00:00'), 500, 100, 'completed', 'phone'], // before the long window
    ['O2', 'C1', at('2024-01-10 10:00:00'), 1000, 200, 'completed', 'phone'], // previous short window
    ['O3', 'C1D', at('2024-02-01 10:00:00'), 600, 120, 'completed', 'phone'], // the duplicate's, counts for C1
    ['O4', 'C1', at('2024-02-20 10:00:00'), 400, 80, 'completed', 'phone'],
    ['O5', 'C1', at('2024-05-01 10:00:00'), 2000, 300, 'completed', 'web'], // short window
    ['O6', 'C1', at('2024-05-15 10:00:00'), 1000, 150, 'completed', 'web'],
    ['O7', 'C1', at('2024-06-20 10:00:00'), 800, null, 'completed', 'web'], // no margin; no hindsight
    ['O8', 'C1', at('2024-06-25 10:00:00'), 300, 60, 'cancelled', 'web'],
    ['O9', 'C1', at('2024-07-05 10:00:00'), 5000, 900, 'completed', 'web'], // after the as-of date
    ['P1', 'C3', at('2024-06-01 10:00:00'), 3000, 600, 'completed', 'sales_rep'],
    ['P2', 'C3', at('2024-06-10 10:00:00'), 1000, 200, 'completed', 'sales_rep'],
    ['Q1', 'C4', at('2024-03-01 10:00:00'), 2000, 400, 'completed', 'sales_rep'],
    ['Q2', 'C4', at('2024-06-28 10:00:00'), 500, 100, 'completed', 'sales_rep'],
  ];
  const lines: Value[][] = [];
  // A brushing burst on C1: six ¥30 app orders of one SKU five minutes apart, five of them cancelled.
  for (let i = 0; i < 6; i++) {
    const id = `B${i}`;
    orders.push([
      id,
      'C1',
      at(`2024-03-10 10:${String(i * 5).padStart(2, '0')}:00`),
      30,
      5,
      i < 5 ? 'cancelled' : 'completed',
      'app',
    ]);
    lines.push([id, 1, 'S9', '粮油', 1, 30, 0]);
  }
  await insert(db, 'orders', orders);
  await insert(db, 'order_lines', lines);
  await insert(db, 'refunds', [
    ['F1', 'O5', at('2024-05-03 09:00:00'), 200, '质量问题'],
    ['F2', 'O2', at('2024-06-30 20:00:00'), 100, '少送'], // booked on the as-of day: seen
    ['F3', 'O6', at('2024-07-02 09:00:00'), 50, '少送'], // after the as-of date
    ['F4', 'P1', at('2024-06-05 09:00:00'), 300, '破损'],
  ]);
  // prettier-ignore
  await insert(db, 'invoices', [
    ['I1', 'C1', '2024-01-31', 'monthly', '2024-02-29', 1600, '2024-02-20', 1600], // on time
    ['I2', 'C1D', '2024-03-31', 'monthly', '2024-04-30', 400, '2024-05-10', 400], // late
    ['I3', 'C1', '2024-05-31', 'weekly', '2024-06-15', 2800, null, null], // unpaid, 15 days past due
    ['I4', 'C1', '2024-06-10', 'weekly', '2024-06-20', 1000, '2024-07-03', 1000], // paid after the as-of date
    ['I5', 'C1', '2024-06-30', 'monthly', '2024-07-30', 800, null, null], // not yet due
    ['I6', 'C3', '2024-06-13', 'weekly', '2024-06-20', 3000, '2024-06-18', 3000],
    ['I7', 'C4', '2024-04-08', 'weekly', '2024-04-15', 2000, '2024-04-20', 2000],
  ]);
  await insert(db, 'complaints', [
    ['K1', 'C1', at('2024-03-01 12:00:00'), 'quality', 'high'],
    ['K2', 'C1D', at('2024-06-01 12:00:00'), 'delivery', 'low'],
    ['K3', 'C1', at('2024-07-02 12:00:00'), 'quality', 'high'],
  ]);
  await insert(db, 'disputes', [
    ['D1', 'C1', '2024-02-01', 'settled', 5000, '2024-08-01'], // open on the as-of date
    ['D2', 'C1', '2022-01-01', 'won', 3000, '2022-05-01'],
  ]);
  await insert(db, 'contracts', [
    ['HT1', 'C1', '2022-07-01', '2023-06-30', 20000], // expired
    ['HT2', 'C1', '2024-01-01', '2024-12-31', 36600], // 366 days: ¥100 a day
    ['HT3', 'C3', '2024-06-01', '2025-05-31', 36500], // 365 days: ¥100 a day
  ]);
  await insert(db, 'credit_ratings', [
    ['C1', '华信', '2023-05-01', 'AA'],
    ['C1D', '东方', '2024-03-01', 'BB'],
    ['C1', '华信', '2024-08-01', 'C'], // after the as-of date
    ['C3', '华信', '2023-01-01', 'BBB'],
    ['C4', '华信', '2024-01-01', 'A'],
  ]);
  await insert(db, 'survey_responses', [
    ['V1', 'C1', at('2024-03-01 09:00:00'), 'app', 'nps', 9, null, null],
    ['V2', 'C1D', at('2024-06-10 09:00:00'), 'phone', 'nps', 4, '送货太慢', 'R1'], // the duplicate's, counts for C1
    ['V3', 'C1', at('2024-06-10 09:00:00'), 'app', 'nps', 7, null, null], // the same instant: the lower score counts
    ['V4', 'C1', at('2024-07-01 00:30:00'), 'app', 'nps', 10, null, null], // after the as-of date (in Shanghai)
    ['V5', 'C1', at('2024-05-20 15:00:00'), 'wechat', 'csat', 2, null, null],
    ['V6', 'C3', at('2024-06-25 10:00:00'), 'visit', 'nps', 8, null, null],
    ['V7', 'C4', at('2024-06-28 10:00:00'), 'visit', 'nps', 3, null, null],
    ['V8', 'C4', at('2024-01-01 10:00:00'), 'sms', 'csat', 5, null, null],
  ]);
}

async function features(db: Engine, params: Parameters<typeof computeFeatures>[2]) {
  const { customers } = await computeFeatures(db, db.dialect, params);
  const rows = await db.all('SELECT * FROM tiering_features ORDER BY customer_id');
  expect(rows).toHaveLength(customers);
  return Object.fromEntries(rows.map((r) => [r.customer_id as string, r]));
}

/** Compares the numeric features given (ratios to 9 digits) and leaves the others unchecked. */
function expectFeatures(row: Row | undefined, expected: Record<string, number | null | string>): void {
  expect(row).toBeDefined();
  for (const [name, value] of Object.entries(expected)) {
    const actual = row![name];
    if (typeof value === 'number') {
      expect(actual, name).toBeTypeOf('number');
      expect(actual as number, name).toBeCloseTo(value, 9);
    } else expect(actual, name).toBe(value);
  }
}

const base = { asOf: '2024-06-30', longDays: 365, shortDays: 90 } as const;

describeEachEngine('computeFeatures', (kind) => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.close());

  it('computes every feature by its definition, per customer, as of a date', async () => {
    ({ engine } = await freshEngine(kind));
    await seed(engine);
    await cleanDatabase(engine, { runId: 'clean-1' });
    expect(await engine.all(`SELECT customer_id, survivor_id FROM customer_merges`)).toEqual([
      { customer_id: 'C1D', survivor_id: 'C1' },
    ]);
    expect(await engine.all(`SELECT count(*) AS n FROM order_flags WHERE rule = 'brushing'`)).toEqual([
      { n: 6 },
    ]);

    const byId = await features(engine, { ...base, unit: 'customer' });
    // C1D is merged into C1; C5 was opened after the as-of date.
    expect(Object.keys(byId)).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(Object.keys(byId.C1!)).toEqual(['customer_id', ...FEATURE_NAMES, ...ATTRIBUTES]);
    // The latest survey answers of each kind up to the as-of date (V2 of the merged duplicate; V4 is too late).
    const survey = (
      nps: number | null,
      npsDays: number | null,
      csat: number | null,
      csatDays: number | null,
    ) => ({
      last_nps: nps,
      last_nps_days: npsDays,
      last_csat: csat,
      last_csat_days: csatDays,
    });
    expectFeatures(byId.C1, survey(4, 20, 2, 41));
    expectFeatures(byId.C2, survey(null, null, null, null));
    expectFeatures(byId.C3, survey(8, 5, null, null));
    expectFeatures(byId.C4, survey(3, 2, 5, 181));

    expectFeatures(byId.C1, {
      recency_days: 10, // O7 on 06-20
      orders: 6, // O2–O7 (O3 is the duplicate's; the completed brushing order and O8, O9 are not)
      orders_recent: 3,
      frequency: (6 * 30) / 365,
      monetary: 5800 - 300, // refunds F1 + F2; F3 is booked after the as-of date
      monetary_recent: 2000 - 200 + 1000 + 800,
      margin: 850,
      aov: 5800 / 6,
      repurchase_rate: 3 / 5, // O2→O3, O3→O4, O5→O6 within 30 days; O4→O5, O6→O7 not; O7 lacks hindsight
      return_rate: 300 / 5800,
      tenure_days: 546,
      contract_amount: 36600,
      contract_fulfilment: 5500 / 18200, // 182 of 366 days due: ¥18,200
      growth: 3600 / 1900 - 1, // previous short window: O2 − F2, O3, O4
      on_time_payment_rate: 1 / 4, // I1 of I1–I4
      days_past_due: 15, // I3
      overdue_amount: 2800 + 1000, // I3, and I4 paid only after the as-of date
      complaint_rate: (2 * 100) / 6,
      severe_complaints: 1,
      disputes_open: 1,
      disputes: 1,
      credit_score: 5, // BB of the duplicate's rating on 2024-03-01
      seats: 50,
      stores: 1,
      delivery_cost: 12.5,
      competition_index: 0.4,
      customer_type: 'single',
      chain_id: null,
      cuisine: '川菜',
      city: '北京',
      district: '朝阳区',
      name: '川味小馆',
    });
    expectFeatures(byId.C2, {
      recency_days: null,
      orders: 0,
      orders_recent: 0,
      frequency: 0,
      monetary: 0,
      monetary_recent: 0,
      margin: 0,
      aov: null,
      repurchase_rate: null,
      return_rate: null,
      tenure_days: 167,
      contract_amount: 0,
      contract_fulfilment: null,
      growth: null,
      on_time_payment_rate: null,
      days_past_due: 0,
      overdue_amount: 0,
      complaint_rate: null,
      severe_complaints: 0,
      disputes_open: 0,
      disputes: 0,
      credit_score: null,
      seats: null,
      stores: 1,
      delivery_cost: 8,
      competition_index: 0.2,
    });
    expectFeatures(byId.C3, {
      recency_days: 20,
      orders: 2,
      monetary: 3700,
      return_rate: 300 / 4000,
      repurchase_rate: null, // P1 (06-01 10:00) has less than 30 days of hindsight
      contract_fulfilment: 3700 / 3000,
      growth: null,
      on_time_payment_rate: 1,
      complaint_rate: 0,
      credit_score: 6,
      chain_id: 'K9',
      name: '湘味轩(国贸店)',
    });
  });

  it('sees nothing after the as-of date', async () => {
    ({ engine } = await freshEngine(kind));
    await seed(engine);
    await cleanDatabase(engine, { runId: 'clean-1' });
    const byId = await features(engine, {
      asOf: '2024-03-31',
      longDays: 365,
      shortDays: 90,
      unit: 'customer',
    });
    expect(Object.keys(byId)).toEqual(['C1', 'C2', 'C3', 'C4']);
    expectFeatures(byId.C1, {
      recency_days: 40, // O4 on 02-20
      orders: 4, // O1 (2023-05-01 is inside 2023-04-02…2024-03-31) to O4
      monetary: 2500, // F2 (booked 06-30) not yet seen
      return_rate: 0,
      on_time_payment_rate: 1, // only I1 was due
      days_past_due: 0,
      overdue_amount: 0,
      contract_fulfilment: 2000 / 9100, // 91 of 366 days due
      credit_score: 5,
      severe_complaints: 1,
      disputes_open: 1,
    });
    // C3's orders and contract are all later.
    expectFeatures(byId.C3, { recency_days: null, orders: 0, contract_amount: 0, contract_fulfilment: null });

    const later = await features(engine, {
      asOf: '2024-12-31',
      longDays: 365,
      shortDays: 90,
      unit: 'customer',
    });
    expect(Object.keys(later)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
    expectFeatures(later.C1, {
      recency_days: 179,
      credit_score: 1,
      disputes_open: 0,
      last_nps: 10, // V4, seen now
      last_nps_days: 183,
    });
    expectFeatures(byId.C1, { last_nps: 9, last_nps_days: 30, last_csat: null });
  });

  it('aggregates the branches of a chain and keeps single customers as themselves', async () => {
    ({ engine } = await freshEngine(kind));
    await seed(engine);
    await cleanDatabase(engine, { runId: 'clean-1' });
    const perCustomer = await features(engine, { ...base, unit: 'customer' });
    const byId = await features(engine, { ...base, unit: 'chain' });
    expect(Object.keys(byId)).toEqual(['C1', 'C2', 'K9']);
    expect(byId.C1).toEqual(perCustomer.C1);
    expect(byId.C2).toEqual(perCustomer.C2);
    expectFeatures(byId.K9, {
      recency_days: 2, // Q2 on 06-28
      orders: 4,
      orders_recent: 3,
      frequency: (4 * 30) / 365,
      monetary: 6500 - 300,
      monetary_recent: 2700 + 1000 + 500,
      margin: 1300,
      aov: 6500 / 4,
      repurchase_rate: 0, // Q1 only, not followed within 30 days
      return_rate: 300 / 6500,
      tenure_days: 911, // the oldest branch, C3
      contract_amount: 36500,
      contract_fulfilment: 3700 / 3000, // C3's contract against C3's purchases
      growth: 4200 / 2000 - 1,
      on_time_payment_rate: 1 / 2,
      days_past_due: 0,
      overdue_amount: 0,
      complaint_rate: 0,
      severe_complaints: 0,
      disputes_open: 0,
      disputes: 0,
      credit_score: 6.5,
      seats: 160,
      stores: 12,
      delivery_cost: (12.5 + 8) / 2,
      competition_index: (0.4 + 0.2) / 2,
      last_nps: 3, // C4's V7, the chain's latest NPS answer
      last_nps_days: 2,
      last_csat: 5,
      last_csat_days: 181,
      customer_type: 'chain',
      chain_id: 'K9',
      cuisine: '湘菜',
      city: '北京',
      district: '朝阳区',
      name: '湘味轩',
    });
  });

  it('rejects an invalid as-of date before building any SQL', async () => {
    ({ engine } = await freshEngine(kind));
    await expect(
      computeFeatures(engine, engine.dialect, {
        asOf: '2024-02-30',
        longDays: 365,
        shortDays: 90,
        unit: 'customer',
      }),
    ).rejects.toThrow(/asOf/);
  });
});
