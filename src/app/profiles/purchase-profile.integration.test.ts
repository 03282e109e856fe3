import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, freshEngine } from '../../../test/support/engines.js';
import { insertRows, type Value } from '../../../test/support/insert-rows.js';
import { StratumError } from '../../contracts/errors.js';
import { addDays } from '../../contracts/time/iso-date.js';
import type { Engine } from '../../engines/engine.js';
import { cleanDatabase } from '../clean/clean-database.js';
import { purchaseProfile } from './purchase-profile.js';

interface Line {
  readonly sku: string;
  readonly category: string;
  readonly quantity: number;
  readonly price: number;
  readonly discount: number;
}
interface Order {
  readonly id: string;
  readonly customer: string;
  /** Wall-clock time in Asia/Shanghai, YYYY-MM-DD HH:MM. */
  readonly at: string;
  readonly status: 'completed' | 'cancelled';
  readonly lines: readonly Line[];
  /** Cleaning flags it (a brushing burst): it must not count. */
  readonly flagged?: boolean;
}

const AS_OF = '2024-06-30';
const DAYS = 30; // window 2024-06-01 … 06-30, previous window 2024-05-02 … 05-31
const line = (sku: string, category: string, quantity: number, price: number, discount = 0): Line => ({
  sku,
  category,
  quantity,
  price,
  discount,
});
const order = (id: string, customer: string, at: string, lines: Line[], status = 'completed'): Order => ({
  id,
  customer,
  at,
  status: status as Order['status'],
  lines,
});

/**
 * C1 (川菜, 60 seats, 北京朝阳区) with a duplicate C1D that cleaning merges into it; 20 peers D0…D19 like it; X1
 * like it but without orders in the window; L1 (川菜, large) in 朝阳区 and H1 (川菜, medium) in 海淀区; Y1 (粤菜);
 * C2 (川菜, medium, 海淀区) without orders.
 */
function dataset(): { customers: Value[][]; orders: Order[] } {
  const customers: Value[][] = [];
  const customer = (id: string, name: string, cuisine: string, seats: number, district: string, n: number) =>
    customers.push([
      id,
      name,
      'single',
      null,
      cuisine,
      seats,
      1,
      '北京',
      district,
      `北京市${district}测试路${n}号`,
      39.8 + n * 0.01,
      116.2 + n * 0.01,
      `1390000${String(n).padStart(4, '0')}`,
      '王伟',
      '2023-01-01',
    ]);
  customer('C1', '川味小馆', '川菜', 60, '朝阳区', 1);
  customers.push([...customers[0]!]);
  customers[1]![0] = 'C1D';
  customers[1]![1] = '川味小館';
  customers[1]![14] = '2023-06-01';
  customer('C2', '蜀香园', '川菜', 80, '海淀区', 2);
  customer('X1', '麻辣空间', '川菜', 70, '朝阳区', 3);
  customer('L1', '巴蜀大宴', '川菜', 150, '朝阳区', 4);
  customer('H1', '锦里人家', '川菜', 90, '海淀区', 5);
  customer('Y1', '粤海酒家', '粤菜', 60, '朝阳区', 6);
  const stems = '甲乙丙丁戊己庚辛壬癸';
  for (let i = 0; i < 20; i++)
    customer(
      `D${i}`,
      `${stems[i % 10]}${'子丑'[Math.floor(i / 10)]}${'东南西北中'[i % 5]}记`,
      '川菜',
      50 + i * 2,
      '朝阳区',
      10 + i,
    );

  const orders: Order[] = [
    order('O0', 'C1', '2024-06-01 00:30', [line('A', '蔬菜', 2, 5)]), // Saturday, just after the window opens
    order('O1', 'C1', '2024-06-03 10:00', [line('A', '蔬菜', 10, 5), line('B', '肉禽', 2, 40, 8)]),
    order('O2', 'C1D', '2024-06-05 18:30', [line('A', '蔬菜', 4, 5), line('C', '水产', 1, 100, 10)]),
    order('O3', 'C1', '2024-06-12 10:15', [line('B', '肉禽', 3, 40)]),
    order('O4', 'C1', '2024-06-26 23:30', [line('A', '蔬菜', 6, 5), line('D', '粮油', 1, 80)]),
    order('O5', 'C1', '2024-06-20 12:00', [line('B', '肉禽', 50, 40)], 'cancelled'),
    order('O6', 'C1', '2024-07-01 09:00', [line('B', '肉禽', 50, 40)]), // after the as-of date
    order('P1', 'C1', '2024-05-10 12:00', [line('A', '蔬菜', 20, 5), line('B', '肉禽', 1, 40)]), // previous window
    order('P0', 'C1', '2024-05-01 23:00', [line('E', '调味品', 9, 90)]), // before the previous window
    order('X1a', 'X1', '2024-05-15 10:00', [line('E', '调味品', 1, 50)]),
    order('L1a', 'L1', '2024-06-10 10:00', [line('E', '调味品', 1, 200)]),
    order('H1a', 'H1', '2024-06-11 10:00', [line('E', '调味品', 1, 300)]),
    order('Y1a', 'Y1', '2024-06-12 10:00', [line('E', '调味品', 1, 400)]),
  ];
  // A brushing burst on C1: six ¥30 app orders of one SKU five minutes apart, five of them cancelled.
  for (let i = 0; i < 6; i++)
    orders.push({
      ...order(`B${i}`, 'C1', `2024-06-15 10:${String(i * 5).padStart(2, '0')}`, [line('S9', '粮油', 1, 30)]),
      status: i < 5 ? 'cancelled' : 'completed',
      flagged: true,
    });
  for (let i = 0; i < 20; i++) {
    for (let j = 0; j <= i % 3; j++)
      orders.push(
        order(`D${i}-${j}`, `D${i}`, `2024-06-${String(2 + i).padStart(2, '0')} ${9 + j}:00`, [
          line('A', '蔬菜', i + 1, 5),
          line('C', '水产', 1, 50 + 10 * i, j === 0 && i % 2 === 0 ? 5 : 0),
          ...(i % 4 === 0 ? [line('B', '肉禽', 2, 30)] : []),
        ]),
      );
    orders.push(order(`D${i}-p`, `D${i}`, '2024-05-20 10:00', [line('D', '粮油', 1, 1000)]));
  }
  return { customers, orders };
}

async function seed(db: Engine, orders: readonly Order[], customers: Value[][]): Promise<void> {
  await insertRows(db, 'regions', [
    ['北京', '朝阳区', 12.5, 0.4],
    ['北京', '海淀区', 8, 0.2],
  ]);
  await insertRows(db, 'customers', customers);
  await insertRows(
    db,
    'orders',
    orders.map((o) => {
      const amount = o.lines.reduce((s, l) => s + l.quantity * l.price - l.discount, 0);
      return [o.id, o.customer, `${o.at}:00+08`, amount, null, o.status, o.flagged ? 'app' : 'phone'];
    }),
  );
  await insertRows(
    db,
    'order_lines',
    orders.flatMap((o) =>
      o.lines.map((l, i) => [o.id, i + 1, l.sku, l.category, l.quantity, l.price, l.discount]),
    ),
  );
}

// ---- The expected figures, computed from the rows above independently of the SQL.

const SURVIVOR: Record<string, string> = { C1D: 'C1' };
const value = (l: Line) => l.quantity * l.price - l.discount;
const day = (o: Order) => o.at.slice(0, 10);
const counted = (from: string, to: string) => (o: Order) =>
  o.status === 'completed' && !o.flagged && day(o) >= from && day(o) <= to;
const ownerOf = (o: Order) => SURVIVOR[o.customer] ?? o.customer;
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

interface Figures {
  orders: number;
  total: number;
  byCategory: Map<string, number>;
  avgAmount: number;
  discountedAmountShare: number;
}

function figures(orders: readonly Order[]): Figures {
  const byCategory = new Map<string, number>();
  let total = 0;
  let discounted = 0;
  for (const l of orders.flatMap((o) => o.lines)) {
    byCategory.set(l.category, (byCategory.get(l.category) ?? 0) + value(l));
    total += value(l);
    if (l.discount > 0) discounted += value(l);
  }
  return {
    orders: orders.length,
    total,
    byCategory,
    avgAmount: total / orders.length,
    discountedAmountShare: discounted / total,
  };
}

/** The peers' means: each peer's category shares, order amount, discounted share and orders, averaged. */
function peerMeans(all: readonly Order[], peers: readonly string[], from: string, to: string) {
  const each = peers.map((p) => figures(all.filter((o) => ownerOf(o) === p && counted(from, to)(o))));
  const categories = new Set(each.flatMap((f) => [...f.byCategory.keys()]));
  return {
    share: new Map(
      [...categories].map((c) => [c, mean(each.map((f) => (f.byCategory.get(c) ?? 0) / f.total))]),
    ),
    avgAmount: mean(each.map((f) => f.avgAmount)),
    discountedAmountShare: mean(each.map((f) => f.discountedAmountShare)),
    orders: mean(each.map((f) => f.orders)),
  };
}

const D = Array.from({ length: 20 }, (_, i) => `D${i}`);

describeEachEngine('purchaseProfile', (kind) => {
  let engine: Engine;
  const { customers, orders } = dataset();
  const from = addDays(AS_OF, 1 - DAYS);
  const profileOf = (customerId: string) => purchaseProfile(engine, { customerId, asOf: AS_OF, days: DAYS });

  beforeAll(async () => {
    ({ engine } = await freshEngine(kind));
    await seed(engine, orders, customers);
    await cleanDatabase(engine, { runId: 'clean-1' });
  });
  afterAll(async () => engine?.close());

  it('reads the cleaned data: the duplicate merged, the brushing burst flagged', async () => {
    expect(await engine.all('SELECT customer_id, survivor_id FROM customer_merges')).toEqual([
      { customer_id: 'C1D', survivor_id: 'C1' },
    ]);
    const flagged = await engine.all(`SELECT DISTINCT order_id FROM order_flags ORDER BY order_id`);
    expect(flagged.map((r) => r.order_id)).toEqual(orders.filter((o) => o.flagged).map((o) => o.id));
  });

  it('profiles a customer against 20 peers of its cuisine, seat band and district', async () => {
    const p = await profileOf('C1');
    const mine = orders.filter((o) => ownerOf(o) === 'C1' && counted(from, AS_OF)(o));
    const own = figures(mine);
    const before = figures(
      orders.filter((o) => ownerOf(o) === 'C1' && counted('2024-05-02', '2024-05-31')(o)),
    );
    const peers = peerMeans(orders, D, from, AS_OF);

    expect(p).toMatchObject({
      customerId: 'C1',
      mergedFrom: null,
      asOf: AS_OF,
      window: { days: 30, from: '2024-06-01', to: AS_OF },
      orders: 5, // O0–O4: O2 is the duplicate's; O5 cancelled, O6 later, B5 brushing
      lines: 8,
      netAmount: 472,
    });
    expect(own.total).toBe(472);
    expect(p.peers).toEqual({
      level: 'district',
      count: 20,
      minimum: 20,
      cuisine: '川菜',
      seatBand: 'medium',
      city: '北京',
      district: '朝阳区',
      avgOrders: peers.orders,
      counts: { district: 20, city: 21, cuisine: 22 },
    });

    // Every category the customer bought now or before, or the peers bought now; never L1's or H1's 调味品.
    expect(p.categories.map((c) => c.category).sort()).toEqual(['水产', '粮油', '肉禽', '蔬菜'].sort());
    for (const c of p.categories) {
      const share = (own.byCategory.get(c.category) ?? 0) / own.total;
      const previous = (before.byCategory.get(c.category) ?? 0) / before.total;
      const peerShare = peers.share.get(c.category) ?? 0;
      expect(c.amount).toBeCloseTo(own.byCategory.get(c.category) ?? 0, 2);
      expect(c.share).toBeCloseTo(share, 8);
      expect(c.sharePrevious).toBeCloseTo(previous, 8);
      expect(c.trend).toBeCloseTo(share - previous, 8);
      expect(c.peerShare).toBeCloseTo(peerShare, 8);
      expect(c.differenceFromPeers).toBeCloseTo(share - peerShare, 8);
    }
    expect(p.categories[0]).toMatchObject({ category: '肉禽', amount: 192 });
    expect(p.categories.find((c) => c.category === '蔬菜')?.sharePrevious).toBeCloseTo(100 / 140, 8);

    expect(p.favouriteSkus).toEqual([
      { sku: 'B', category: '肉禽', amount: 192, orders: 2, quantity: 5, lastBought: '2024-06-12' },
      { sku: 'A', category: '蔬菜', amount: 110, orders: 4, quantity: 22, lastBought: '2024-06-26' },
      { sku: 'C', category: '水产', amount: 90, orders: 1, quantity: 1, lastBought: '2024-06-05' },
      { sku: 'D', category: '粮油', amount: 80, orders: 1, quantity: 1, lastBought: '2024-06-26' },
    ]);

    // Saturday 00:30, Monday 10:00, Wednesdays 18:30, 10:15 and 23:30 (Shanghai time, not UTC).
    expect(p.rhythm.byWeekday).toEqual([0.2, 0, 0.6, 0, 0, 0.2, 0]);
    expect(p.rhythm.byHour.flatMap((s, h) => (s > 0 ? [[h, s]] : []))).toEqual([
      [0, 0.2],
      [10, 0.4],
      [18, 0.2],
      [23, 0.2],
    ]);
    // Days with orders 06-01, 06-03, 06-05, 06-12, 06-26: gaps 2, 2, 7, 14.
    expect(p.rhythm.typicalIntervalDays).toBeCloseTo(4.5, 8);
    expect(p.rhythm.intervalIqr).toBeCloseTo(8.75 - 2, 8);

    expect(p.basket.avgLines).toBeCloseTo(8 / 5, 8);
    expect(p.basket.avgAmount).toBe(94.4);
    expect(p.basket.avgDistinctCategories).toBeCloseTo(8 / 5, 8);
    expect(p.basket.peerAvgAmount).toBeCloseTo(peers.avgAmount, 2);
    expect(p.priceSensitivity.discountedLineShare).toBeCloseTo(2 / 8, 8);
    expect(p.priceSensitivity.discountedAmountShare).toBeCloseTo((72 + 90) / 472, 8);
    expect(p.priceSensitivity.peerDiscountedAmountShare).toBeCloseTo(peers.discountedAmountShare, 8);

    // The peers buy mostly 水产, the customer mostly 肉禽: both differences are listed, with their values.
    const shareGaps = p.notable.filter((n) => n.kind === 'category_share');
    expect(shareGaps.map((n) => n.category)).toEqual(expect.arrayContaining(['水产', '肉禽']));
    for (const n of shareGaps) {
      const c = p.categories.find((k) => k.category === n.category)!;
      expect(n).toEqual({
        kind: 'category_share',
        category: c.category,
        value: c.share,
        peerValue: c.peerShare,
      });
      expect(Math.abs(n.value - n.peerValue)).toBeGreaterThanOrEqual(0.1);
    }
  });

  it('widens to the city when the district has too few peers, and answers a customer without orders', async () => {
    const p = await profileOf('C2');
    // In 海淀区 only H1; in 北京 also C1 and D0…D19 (X1 has no orders in the window, L1 is large).
    expect(p.peers).toMatchObject({
      level: 'city',
      count: 22,
      counts: { district: 1, city: 22, cuisine: 23 },
    });
    const peers = peerMeans(orders, ['C1', 'H1', ...D], from, AS_OF);
    expect(p).toMatchObject({ orders: 0, lines: 0, netAmount: 0, favouriteSkus: [] });
    expect(p.categories.map((c) => c.category).sort()).toEqual([...peers.share.keys()].sort());
    for (const c of p.categories) {
      expect(c).toMatchObject({
        amount: 0,
        share: null,
        sharePrevious: null,
        trend: null,
        differenceFromPeers: null,
      });
      expect(c.peerShare).toBeCloseTo(peers.share.get(c.category)!, 8);
    }
    expect(p.rhythm).toEqual({
      byWeekday: Array(7).fill(0),
      byHour: Array(24).fill(0),
      typicalIntervalDays: null,
      intervalIqr: null,
    });
    expect(p.basket).toMatchObject({ avgLines: null, avgAmount: null, avgDistinctCategories: null });
    expect(p.basket.peerAvgAmount).toBeCloseTo(peers.avgAmount, 2);
    expect(p.peers.avgOrders).toBeCloseTo(peers.orders, 8);
    expect(p.notable).toContainEqual({ kind: 'order_count', value: 0, peerValue: p.peers.avgOrders });
  });

  it('falls back to the cuisine and reports no peer values when there are no peers', async () => {
    const p = await profileOf('Y1');
    expect(p.peers).toMatchObject({
      level: 'cuisine',
      count: 0,
      counts: { district: 0, city: 0, cuisine: 0 },
    });
    expect(p.categories).toEqual([
      {
        category: '调味品',
        amount: 400,
        share: 1,
        sharePrevious: null,
        trend: null,
        peerShare: null,
        differenceFromPeers: null,
      },
    ]);
    expect(p.basket.peerAvgAmount).toBeNull();
    expect(p.priceSensitivity).toEqual({
      discountedLineShare: 0,
      discountedAmountShare: 0,
      peerDiscountedAmountShare: null,
    });
    expect(p.notable).toEqual([]);
  });

  it('answers a merged duplicate through its survivor, and NOT_FOUND for an unknown customer', async () => {
    const p = await profileOf('C1D');
    expect(p).toMatchObject({ customerId: 'C1', mergedFrom: 'C1D', orders: 5, netAmount: 472 });
    const missing = await profileOf('NOPE').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(StratumError);
    expect(missing).toMatchObject({ code: 'NOT_FOUND', details: { what: 'customer', id: 'NOPE' } });
  });

  it('defaults to a year before the as-of date and refuses a window of the wrong length', async () => {
    const p = await purchaseProfile(engine, { customerId: 'C1', asOf: AS_OF });
    // The year also holds P1 (05-10); P0 (05-01) too.
    expect(p.window).toEqual({ days: 365, from: '2023-07-02', to: AS_OF });
    expect(p.orders).toBe(7);
    expect(p.netAmount).toBe(472 + 140 + 810);
    const bad = await purchaseProfile(engine, { customerId: 'C1', asOf: AS_OF, days: 3 }).catch(
      (e: unknown) => e,
    );
    expect(bad).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'days' } });
  });

  it('keeps a profile out of a rep’s reach when the customer is not theirs', async () => {
    const scoped = await purchaseProfile(engine, {
      customerId: 'C1',
      asOf: AS_OF,
      scope: { kind: 'rep', repId: 'R-other' },
    }).catch((e: unknown) => e);
    expect(scoped).toMatchObject({ code: 'NOT_FOUND' });
  });
});
