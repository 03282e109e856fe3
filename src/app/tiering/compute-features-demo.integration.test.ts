import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truthDatabase } from '../../../test/support/demo-database.js';
import type { Truth } from '../../contracts/truth.js';
import type { Engine, Row } from '../../engines/engine.js';
import { computeFeatures } from './compute-features.js';

/**
 * Features of a generated 2 000-customer, 12-month demo against what the generator planted (truth.json), and
 * against independent queries of the clean views.
 */
const END = '2025-06-30';
const params = { asOf: END, longDays: 365, shortDays: 90 } as const;

let dir = '';
let engine: Engine | undefined;
let truth: Truth;
let rows: Row[] = [];
const byId = new Map<string, Row>();

beforeAll(async () => {
  ({ engine, truth, dir } = await truthDatabase({ customers: 2000, seed: 5, months: 12, end: END }));
  await computeFeatures(engine, engine.dialect, { ...params, unit: 'customer' });
  rows = await engine.all('SELECT * FROM tiering_features');
  for (const r of rows) byId.set(String(r.customer_id), r);
});

afterAll(async () => {
  await engine?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const values = (ids: Iterable<string>, feature: string) =>
  [...ids].map((id) => byId.get(id)?.[feature]).filter((v): v is number => typeof v === 'number');

describe('features of a generated demo', () => {
  it('has one row per surviving customer and agrees with direct queries of the clean views', async () => {
    const db = engine as Engine;
    const [customers] = await db.all(
      `SELECT count(*) AS n FROM customers_clean WHERE created_date <= DATE '${END}'`,
    );
    expect(rows.length).toBe(customers!.n);
    const [direct] = await db.all(`SELECT count(*) AS orders, sum(amount) AS gross FROM orders_clean
      WHERE status = 'completed' AND ordered_at >= TIMESTAMPTZ '2024-07-01 00:00:00+08'
        AND ordered_at < TIMESTAMPTZ '2025-07-01 00:00:00+08'`);
    const [refunded] = await db.all(`SELECT sum(r.amount) AS refunded FROM refunds_clean r
      JOIN orders_clean o ON o.order_id = r.order_id
      WHERE o.status = 'completed' AND o.ordered_at >= TIMESTAMPTZ '2024-07-01 00:00:00+08'
        AND r.refunded_at < TIMESTAMPTZ '2025-07-01 00:00:00+08'`);
    const total = (f: string) => rows.reduce((n, r) => n + ((r[f] as number | null) ?? 0), 0);
    expect(total('orders')).toBe(direct!.orders);
    expect(total('monetary')).toBeCloseTo((direct!.gross as number) - (refunded!.refunded as number), 0);
    // Every customer with orders has a recency within the history and rates within 0–1.
    for (const r of rows) {
      if ((r.orders as number) > 0) expect(r.recency_days as number).toBeLessThan(365);
      for (const f of ['repurchase_rate', 'on_time_payment_rate'])
        if (r[f] !== null) expect(r[f] as number).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives planted churners a long recency and a recent-order drop', () => {
    const churned = truth.churned.filter((c) => byId.has(c.customerId));
    expect(churned.length).toBeGreaterThan(50);
    // No completed order after the churn date: recency is at least the days since it.
    const daysSince = (date: string) => (Date.parse(END) - Date.parse(date)) / 86_400_000 + 1;
    const bounded = churned.filter((c) => {
      const recency = byId.get(c.customerId)?.recency_days;
      return recency === null || (recency as number) >= daysSince(c.churnDate);
    });
    expect(bounded.length / churned.length).toBeGreaterThan(0.95);
    const others = [...byId.keys()].filter((id) => !truth.churned.some((c) => c.customerId === id));
    const churnedIds = churned.map((c) => c.customerId);
    expect(median(values(churnedIds, 'recency_days'))).toBeGreaterThan(
      5 * median(values(others, 'recency_days')),
    );
    expect(median(values(churnedIds, 'orders_recent'))).toBeLessThan(median(values(others, 'orders_recent')));
  });

  it('gives risky payers a lower on-time payment rate and more overdue days', () => {
    const payers = new Set(
      truth.risky
        .filter((r) => r.reasons.includes('late_payment') || r.reasons.includes('unpaid'))
        .map((r) => r.customerId)
        .filter((id) => byId.has(id)),
    );
    expect(payers.size).toBeGreaterThan(20);
    const others = [...byId.keys()].filter((id) => !payers.has(id));
    expect(mean(values(payers, 'on_time_payment_rate'))).toBeLessThan(
      mean(values(others, 'on_time_payment_rate')) - 0.1,
    );
    expect(mean(values(payers, 'days_past_due'))).toBeGreaterThan(mean(values(others, 'days_past_due')));
    const poor = new Set(
      truth.risky.filter((r) => r.reasons.includes('poor_rating')).map((r) => r.customerId),
    );
    expect(mean(values(poor, 'credit_score'))).toBeLessThan(mean(values([...byId.keys()], 'credit_score')));
  });

  it('gives customers whose fast growth started within the last two short windows a higher growth', () => {
    // A ramp lasts 60–110 days: one that ended before the previous short window no longer shows as growth.
    const growing = truth.fastGrowing
      .filter((g) => g.since >= '2025-01-01')
      .map((g) => g.customerId)
      .filter((id) => byId.has(id));
    expect(growing.length).toBeGreaterThan(10);
    const others = [...byId.keys()].filter((id) => !growing.includes(id));
    expect(median(values(growing, 'growth'))).toBeGreaterThan(median(values(others, 'growth')) + 0.2);
  });

  it('aggregates chains so that totals are kept', async () => {
    const db = engine as Engine;
    const { customers } = await computeFeatures(db, db.dialect, { ...params, unit: 'chain' });
    const [expected] = await db.all(`SELECT count(DISTINCT COALESCE(chain_id, customer_id)) AS n
      FROM customers_clean WHERE created_date <= DATE '${END}'`);
    expect(customers).toBe(expected!.n);
    expect(customers).toBeLessThan(rows.length);
    const [totals] = await db.all(
      'SELECT sum(orders) AS orders, sum(overdue_amount) AS overdue FROM tiering_features',
    );
    const sum = (f: string) => rows.reduce((n, r) => n + ((r[f] as number | null) ?? 0), 0);
    expect(totals!.orders).toBe(sum('orders'));
    expect(totals!.overdue as number).toBeCloseTo(sum('overdue_amount'), 2);
  });
});
