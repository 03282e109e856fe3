import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, freshEngine, type FreshEngine } from '../../../test/support/engines.js';
import { groupKey } from '../../domain/recommendations/peer-adoption.js';
import { CustomerRecommendationsSchema } from '../../contracts/recommendations/recommendations.js';
import type { Engine } from '../../engines/engine.js';
import { cleanDatabase } from '../clean/clean-database.js';
import { loadTieringConfig } from '../tiering/load-config.js';
import { runTiering } from '../tiering/run-tiering.js';
import { assortmentCsv } from './assortment-csv.js';
import { customAssortments } from './custom-assortments.js';
import { evaluateRecommendations } from './evaluate-recommendations.js';
import { loadPeerAdoption } from './load-baskets.js';
import { recommendForCustomer } from './recommend-customer.js';

type Value = string | number | null;
const lit = (v: Value) =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`;
const insert = (db: Engine, table: string, columns: string, rows: Value[][]) =>
  db.run(
    `INSERT INTO ${table} (${columns}) VALUES ${rows.map((r) => `(${r.map(lit).join(', ')})`).join(',\n')}`,
  );

const CUSTOMER_COLUMNS =
  'customer_id, name, customer_type, chain_id, cuisine, seats, stores, city, district, address, lat, lon, phone, contact_name, created_date';
// prettier-ignore
const CUSTOMERS: Value[][] = [
  ['T1', '川味小馆', 'single', null, '川菜', 50, 1, '北京', '朝阳区', '北京市朝阳区望京街10号', 39.99, 116.47, '13800000001', '王伟', '2021-01-01'],
  ['T1D', '川味小館', 'single', null, '川菜', 50, 1, '北京', '朝阳区', '朝陽區望京街10號', 39.9901, 116.4701, '13800000001', '王伟', '2023-06-01'],
  ['P1', '蜀香园', 'single', null, '川菜', 60, 1, '北京', '朝阳区', '北京市朝阳区建国路1号', 39.91, 116.45, '13800000011', '李娜', '2021-01-01'],
  ['P2', '巴蜀人家', 'single', null, '川菜', 70, 1, '北京', '朝阳区', '北京市朝阳区三里屯路2号', 39.93, 116.44, '13800000012', '张敏', '2021-01-01'],
  ['P3', '麻辣诱惑', 'single', null, '川菜', 80, 1, '北京', '朝阳区', '北京市朝阳区酒仙桥路3号', 39.97, 116.49, '13800000013', '刘洋', '2021-01-01'],
  ['P4', '川府酒楼', 'single', null, '川菜', 90, 1, '北京', '朝阳区', '北京市朝阳区东三环4号', 39.88, 116.46, '13800000014', '陈静', '2021-01-01'],
  ['H1', '蓉城小厨', 'single', null, '川菜', 58, 1, '北京', '海淀区', '北京市海淀区学院路5号', 39.99, 116.35, '13800000021', '杨帆', '2021-01-01'],
  ['H2', '锦里川菜', 'single', null, '川菜', 55, 1, '北京', '海淀区', '北京市海淀区中关村大街6号', 39.98, 116.31, '13800000022', '赵磊', '2021-01-01'],
  ['S1', '天府之国', 'single', null, '川菜', 65, 1, '上海', '浦东新区', '上海市浦东新区世纪大道7号', 31.23, 121.52, '13800000031', '周杰', '2021-01-01'],
  ['X1', '重庆小面', 'single', null, '川菜', 20, 1, '北京', '朝阳区', '北京市朝阳区望京西路8号', 40.0, 116.48, '13800000041', '吴刚', '2021-01-01'],
  ['J1', '寿司之神', 'single', null, '日料', 50, 1, '北京', '朝阳区', '北京市朝阳区亮马桥路9号', 39.95, 116.46, '13800000051', '郑爽', '2021-01-01'],
];

/** [customer, day, SKU]: one order with one line each. */
const PURCHASES: readonly (readonly [string, string, string])[] = [
  ['T1', '2022-01-10', 'C'], // before the window: bought all the same, never recommended
  ['T1', '2024-03-01', 'A'],
  ['T1D', '2024-03-05', 'B'], // the merged duplicate's purchase is T1's
  ...['P1', 'P2', 'P3', 'P4'].flatMap((p) => [
    [p, '2024-02-01', 'A'] as const,
    [p, '2024-02-02', 'C'] as const,
  ]),
  ['P1', '2024-04-01', 'SN028'],
  ['P2', '2024-04-02', 'SN028'],
  ['P3', '2024-04-03', 'SN028'],
  ['P1', '2024-04-05', 'SN034'],
  ['P2', '2024-04-06', 'SN034'],
  ['P1', '2023-01-01', 'OLD'], // before the 365-day window
  ['P1', '2024-04-20', 'FLAG'], // flagged by cleaning below
  ['H1', '2024-03-10', 'A'],
  ['H1', '2024-03-11', 'SN028'],
  ['H1', '2024-03-12', 'HD'],
  ['H2', '2024-03-13', 'HD'],
  ['S1', '2024-03-14', 'SH'],
  ['X1', '2024-03-15', 'SMALL'], // another scale band
  ['J1', '2024-03-16', 'WASABI'], // another cuisine
  // After 2024-05-31, the as-of date of the single-customer tests; in the evaluation's 4-week holdout.
  ['T1', '2024-06-15', 'SN028'],
  ...['P1', 'P2', 'P3', 'P4'].map((p) => [p, '2024-06-10', 'NEW'] as const),
];
const AS_OF = '2024-05-31';
const HOLDOUT_END = '2024-06-30';

async function seed(db: Engine): Promise<void> {
  await insert(db, 'regions', 'city, district, delivery_cost_per_order, competition_index', [
    ['北京', '朝阳区', 12.5, 0.4],
    ['北京', '海淀区', 8, 0.2],
    ['上海', '浦东新区', 10, 0.3],
  ]);
  await insert(db, 'customers', CUSTOMER_COLUMNS, CUSTOMERS);
  const ids = PURCHASES.map((_, i) => `O${i}`);
  await insert(
    db,
    'orders',
    'order_id, customer_id, ordered_at, amount, gross_margin, status, channel',
    PURCHASES.map(([c, day], i) => [ids[i] ?? '', c, `${day} 10:00:00+08`, 100, 20, 'completed', 'phone']),
  );
  await insert(
    db,
    'order_lines',
    'order_id, line_no, sku, category, quantity, unit_price, discount',
    PURCHASES.map(([, , sku], i) => [
      ids[i] ?? '',
      1,
      sku,
      sku.startsWith('SN') ? '调味品' : '蔬菜',
      1,
      100,
      0,
    ]),
  );
  await cleanDatabase(db);
  const flagged = ids[PURCHASES.findIndex(([, , sku]) => sku === 'FLAG')] ?? '';
  await insert(db, 'order_flags', 'order_id, customer_id, rule, group_id, reason, run_id', [
    [flagged, 'P1', 'amount_outlier', null, 'test flag', 'test'],
  ]);
}

describeEachEngine('assortment recommendations on a hand-made history', (kind) => {
  let fresh: FreshEngine | undefined;
  let db: Engine;
  const recommend = (customerId: string, settings = {}, asOf = AS_OF) =>
    recommendForCustomer(db, { customerId, asOf, latest: HOLDOUT_END, limit: 10, settings });

  beforeAll(async () => {
    fresh = await freshEngine(kind);
    db = fresh.engine;
    await seed(db);
  });

  afterAll(async () => {
    await fresh?.engine.close();
    if (fresh) await rm(fresh.dir, { recursive: true, force: true });
  });

  it('counts distinct peer buyers per group in the engine: window only, no flagged order, duplicates once', async () => {
    const targets = { kind: 'customer', customerId: 'T1' } as const;
    const adoption = await loadPeerAdoption(db, { asOf: AS_OF, lookbackDays: 365 }, targets, 1);
    const me = { cuisine: '川菜', scaleBand: 'medium', city: '北京', district: '朝阳区' } as const;
    const counts = (level: 'district' | 'city' | 'cuisine' | 'all') =>
      Object.fromEntries([...(adoption.buyers.get(groupKey(level, me)) ?? [])].sort());
    expect(adoption.sizes.get(groupKey('district', me))).toBe(5);
    expect(counts('district')).toEqual({ A: 5, B: 1, C: 4, SN028: 3, SN034: 2 });
    expect(adoption.sizes.get(groupKey('city', me))).toBe(7);
    expect(counts('city')).toEqual({ A: 6, B: 1, C: 4, HD: 2, SN028: 4, SN034: 2 });
    expect(adoption.sizes.get(groupKey('cuisine', me))).toBe(8);
    expect(counts('cuisine')).toEqual({ A: 6, B: 1, C: 4, HD: 2, SH: 1, SN028: 4, SN034: 2 });
    expect(adoption.sizes.get(groupKey('all', me))).toBe(10);
    expect(counts('all')).toEqual({
      A: 6,
      B: 1,
      C: 4,
      HD: 2,
      SH: 1,
      SMALL: 1,
      SN028: 4,
      SN034: 2,
      WASABI: 1,
    });
    expect(adoption.categories.get('SN028')).toBe('调味品');
    // Only the target's groups are fetched: 海淀区's district group is not.
    expect(adoption.sizes.has(groupKey('district', { ...me, district: '海淀区' }))).toBe(false);
  });

  it('recommends what the district’s peers buy and the customer never bought, with the reason', async () => {
    const r = CustomerRecommendationsSchema.parse(await recommend('T1', { minPeers: 3, priorPeers: 0 }));
    expect(r).toMatchObject({ customerId: 'T1', mergedFrom: null, asOf: AS_OF, boughtSkus: 3 });
    expect(r.peers).toEqual({
      level: 'district',
      cuisine: '川菜',
      scaleBand: 'medium',
      city: '北京',
      district: '朝阳区',
      count: 4,
    });
    expect(r.recommendations.map((x) => [x.sku, x.score])).toEqual([
      ['SN028', 0.75],
      ['SN034', 0.5],
    ]);
    expect(r.recommendations[0]?.reason).toEqual({
      level: 'district',
      area: '朝阳区',
      city: '北京',
      cuisine: '川菜',
      scaleBand: 'medium',
      peerCount: 4,
      peerBuyers: 3,
      peerShare: 0.75,
      sku: 'SN028',
      category: '调味品',
    });
    expect(r.recommendations[0]?.priorShare).toBeCloseTo(4 / 9, 12);
    // The default shrinkage keeps the order here.
    expect((await recommend('T1', { minPeers: 3 })).recommendations.map((x) => x.sku)).toEqual([
      'SN028',
      'SN034',
    ]);
  });

  it('widens to the city, then to the cuisine everywhere, when the district has too few peers', async () => {
    const city = await recommend('T1', { minPeers: 5, priorPeers: 0 });
    expect([city.peers?.level, city.peers?.count]).toEqual(['city', 6]);
    expect(city.recommendations.map((x) => x.sku)).toEqual(['SN028', 'HD', 'SN034']);
    expect(city.recommendations[0]?.reason).toMatchObject({ area: '北京', city: '北京', peerBuyers: 4 });
    const everywhere = await recommend('T1', { minPeers: 8, priorPeers: 0 });
    expect([everywhere.peers?.level, everywhere.peers?.count]).toEqual(['cuisine', 7]);
    expect(everywhere.recommendations.map((x) => x.sku)).toEqual(['SN028', 'HD', 'SN034', 'SH']);
    expect(everywhere.recommendations[0]?.reason).toMatchObject({ area: null, city: null });
  });

  it('answers a merged duplicate id through its survivor, and NOT_FOUND for an unknown one', async () => {
    const r = await recommend('T1D', { minPeers: 3 });
    expect([r.customerId, r.mergedFrom]).toEqual(['T1', 'T1D']);
    // Without an as-of date: the last day with order lines up to the latest day allowed.
    const latest = await recommendForCustomer(db, { customerId: 'T1', latest: HOLDOUT_END, limit: 10 });
    expect(latest.asOf).toBe('2024-06-15');
    await expect(recommend('NOPE')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('evaluates on the holdout from the history before the cut-off only (no leakage)', async () => {
    const settings = { minPeers: 3, priorPeers: 0 };
    const { evaluation, customers } = await evaluateRecommendations(db, {
      asOf: HOLDOUT_END,
      latest: HOLDOUT_END,
      holdoutWeeks: 4,
      k: 10,
      settings,
    });
    expect(evaluation).toMatchObject({ asOf: HOLDOUT_END, cutoff: '2024-06-02', customers: 5, newSkus: 5 });
    const t1 = customers.find((c) => c.customerId === 'T1');
    expect([...(t1?.firstBought ?? [])]).toEqual(['SN028']);
    // NEW was bought by all of T1's peers, but only after the cut-off: the evaluation cannot know it.
    expect(t1?.peerBased).toEqual(['SN028', 'SN034']);
    const now = await recommend('T1', settings, HOLDOUT_END);
    expect(now.recommendations.map((x) => x.sku)).toContain('NEW');
    // Each evaluated list is what a recommendation as of the cut-off gives.
    for (const c of customers) {
      const atCutoff = await recommend(c.customerId, settings, evaluation.cutoff);
      expect(c.peerBased, c.customerId).toEqual(atCutoff.recommendations.map((x) => x.sku));
    }
    // T1 hits SN028 in both lists (it is also the most bought SKU it lacks); P1…P4 miss NEW in both.
    expect(t1?.popularity.slice(0, 1)).toEqual(['SN028']);
    expect(evaluation.peerBased).toMatchObject({ hits: 1, hitRate: 0.2, recallAtK: 0.2, precisionAtK: 0.02 });
    expect(evaluation.popularity).toMatchObject({ hits: 1, hitRate: 0.2 });
    expect(evaluation.recallRatio).toBe(1);
  });

  it('exports the lists of a run’s tiers, each customer as recommended alone', async () => {
    const run = await runTiering(db, { config: await loadTieringConfig(), asOf: AS_OF });
    const tiered = await db.all(
      `SELECT customer_id, tier FROM tier_snapshots WHERE run_id = '${run.runId}' AND tier IN ('platinum', 'gold')`,
    );
    expect(tiered.length).toBeGreaterThan(0);
    const out = await customAssortments(db, {
      tiers: ['platinum', 'gold'],
      limit: 10,
      settings: { minPeers: 3 },
      scope: { kind: 'all' },
    });
    expect(out).toMatchObject({ runId: run.runId, asOf: AS_OF, customers: tiered.length });
    const listed = new Set(out.rows.map((r) => r.customerId));
    for (const t of tiered) {
      const id = String(t.customer_id);
      const alone = await recommend(id, { minPeers: 3 });
      const rows = out.rows.filter((r) => r.customerId === id);
      expect(
        rows.map((r) => [r.rank, r.sku, r.tier]),
        id,
      ).toEqual(alone.recommendations.map((x) => [x.rank, x.sku, String(t.tier)]));
      if (alone.recommendations.length > 0) expect(listed.has(id)).toBe(true);
    }
    const csv = assortmentCsv(out.rows, 'en');
    expect(csv.startsWith('\ufeffcustomer_id,name,tier,custom_assortment,rank,sku,category,peer_share')).toBe(
      true,
    );
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(out.rows.length + 1);
    const none = await customAssortments(db, {
      tiers: ['platinum', 'gold'],
      limit: 10,
      scope: { kind: 'rep', repId: 'nobody' },
    });
    expect(none.rows).toEqual([]);
  });
});
