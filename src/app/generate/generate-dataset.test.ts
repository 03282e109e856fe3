import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowValidator } from '../../contracts/data-model/row-schema.js';
import { SOURCE_TABLES } from '../../contracts/data-model/sources/index.js';
import { TruthSchema, type Truth } from '../../contracts/truth.js';
import { CATALOGUE } from '../../domain/generation/catalogue.js';
import { CUISINE_SKU_PREFERENCES } from '../../domain/generation/sku-preferences.js';
import { generateDataset, type GenerateResult } from './generate-dataset.js';

type Row = Record<string, string>;

const N = 2000;
const END = '2025-06-30';
let dir: string;
let result: GenerateResult;
let truth: Truth;
const tables = new Map<string, Row[]>();
const rows = (name: string): Row[] => tables.get(name) ?? [];
const cents = (s: string | undefined) => Math.round(Number(s) * 100);
const dayMs = (s: string) => Date.parse(`${s.slice(0, 10)}T00:00:00Z`);
const timeMs = (s: string) => Date.parse(`${s.replace(' ', 'T')}Z`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stratum-generate-'));
  result = await generateDataset({ customers: N, seed: 11, months: 12, end: END, out: dir, workers: 0 });
  for (const t of SOURCE_TABLES) {
    const text = await readFile(join(dir, `${t.name}.csv`), 'utf8');
    const header = text.slice(0, text.indexOf('\n'));
    expect(header).toBe(t.columns.map((c) => c.name).join(','));
    tables.set(t.name, parse(text, { columns: true }) as Row[]);
  }
  truth = TruthSchema.parse(JSON.parse(await readFile(result.truthPath, 'utf8')));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('generateDataset output', () => {
  it('reports what it wrote', () => {
    for (const f of result.files) expect(f.rows, f.table).toBe(rows(f.table).length);
    expect(rows('customers')).toHaveLength(N);
    expect(truth.from).toBe('2024-07-01');
    expect(truth.to).toBe(END);
  });

  it('writes rows that all pass the canonical validators', () => {
    const ctx = { now: new Date(), timeZone: 'Asia/Shanghai' };
    for (const t of SOURCE_TABLES) {
      const validate = rowValidator(t, ctx);
      const bad: string[] = [];
      for (const row of rows(t.name)) {
        const r = validate(row);
        if (!r.ok && bad.length < 5) bad.push(`${JSON.stringify(row)}: ${JSON.stringify(r.issues)}`);
      }
      expect(bad, t.name).toEqual([]);
      expect(rows(t.name).length, t.name).toBeGreaterThan(0);
    }
  });

  it('keeps primary keys unique', () => {
    for (const t of SOURCE_TABLES) {
      const keys = new Set(rows(t.name).map((r) => t.primaryKey.map((k) => r[k]).join('|')));
      expect(keys.size, t.name).toBe(rows(t.name).length);
    }
  });

  it('keeps referential integrity', () => {
    const regions = new Set(rows('regions').map((r) => `${r.city}|${r.district}`));
    const customers = new Set(rows('customers').map((r) => r.customer_id));
    const orders = new Set(rows('orders').map((r) => r.order_id));
    const withLines = new Set(rows('order_lines').map((r) => r.order_id));
    expect(rows('customers').filter((c) => !regions.has(`${c.city}|${c.district}`))).toEqual([]);
    for (const name of [
      'orders',
      'invoices',
      'complaints',
      'disputes',
      'contracts',
      'credit_ratings',
      'customer_owners',
    ])
      expect(
        rows(name).filter((r) => !customers.has(r.customer_id)),
        name,
      ).toEqual([]);
    expect(rows('order_lines').filter((r) => !orders.has(r.order_id))).toEqual([]);
    const reps = new Set(rows('reps').map((r) => r.rep_id));
    expect(rows('customer_owners').filter((r) => !reps.has(r.rep_id))).toEqual([]);
    expect(rows('refunds').filter((r) => !orders.has(r.order_id))).toEqual([]);
    expect(rows('orders').filter((o) => !withLines.has(o.order_id))).toEqual([]);
  });

  it('makes every order amount the sum of its lines to the cent', () => {
    const sums = new Map<string, number>();
    for (const l of rows('order_lines')) {
      const line = Math.round(Number(l.quantity) * cents(l.unit_price)) - cents(l.discount);
      sums.set(l.order_id ?? '', (sums.get(l.order_id ?? '') ?? 0) + line);
    }
    expect(rows('orders').filter((o) => sums.get(o.order_id ?? '') !== cents(o.amount))).toEqual([]);
  });

  it('keeps margins, cancellations and refunds in their ranges', () => {
    const orders = rows('orders');
    const cancelled = orders.filter((o) => o.status === 'cancelled').length / orders.length;
    expect(cancelled).toBeGreaterThan(0.015);
    expect(cancelled).toBeLessThan(0.04);
    const outOfRange = orders.filter((o) => {
      const rate = cents(o.gross_margin) / cents(o.amount);
      return cents(o.amount) > 1000 && (rate < 0.079 || rate > 0.221);
    });
    expect(outOfRange).toEqual([]);
    const refunded = rows('refunds').length / orders.length;
    expect(refunded).toBeGreaterThan(0.015);
    expect(refunded).toBeLessThan(0.04);
    const perWeek = orders.length / N / 52;
    expect(perWeek).toBeGreaterThan(0.6);
    expect(perWeek).toBeLessThan(1.6);
  });
});

describe('planted anomalies', () => {
  const byId = () => new Map(rows('customers').map((c) => [c.customer_id ?? '', c]));
  const ordersById = () => new Map(rows('orders').map((o) => [o.order_id ?? '', o]));

  it('plants roughly the specified shares, with ids that exist', () => {
    const customers = byId();
    const orders = ordersById();
    const refunds = new Set(rows('refunds').map((r) => r.refund_id));
    const share = (n: number) => n / N;
    expect(share(truth.duplicates.length)).toBeCloseTo(0.02, 2);
    expect(share(truth.churned.length)).toBeGreaterThan(0.06);
    expect(share(truth.churned.length)).toBeLessThan(0.1);
    expect(share(truth.fastGrowing.length)).toBeGreaterThan(0.02);
    expect(share(truth.fastGrowing.length)).toBeLessThan(0.04);
    expect(share(truth.risky.length)).toBeGreaterThan(0.035);
    expect(share(truth.risky.length)).toBeLessThan(0.06);
    const brushers = new Set(truth.brushing.map((b) => b.customerId));
    expect(brushers.size).toBeGreaterThanOrEqual(5);
    expect(brushers.size).toBeLessThanOrEqual(15);
    const hugeShare = truth.hugeRefunds.length / rows('orders').length;
    expect(hugeShare).toBeGreaterThan(0.0004);
    expect(hugeShare).toBeLessThan(0.002);
    for (const d of truth.duplicates)
      expect(customers.has(d.customerId) && customers.has(d.duplicateOf)).toBe(true);
    for (const c of [...truth.churned, ...truth.fastGrowing, ...truth.risky])
      expect(customers.has(c.customerId), c.customerId).toBe(true);
    for (const b of truth.brushing) expect(orders.get(b.orderId)?.customer_id).toBe(b.customerId);
    for (const h of truth.hugeRefunds) expect(refunds.has(h.refundId) && orders.has(h.orderId)).toBe(true);
  });

  it('plants duplicates: same place and cuisine, typed differently, created later, with orders', () => {
    const customers = byId();
    const withOrders = new Set(rows('orders').map((o) => o.customer_id));
    let samePhone = 0;
    let ordered = 0;
    for (const d of truth.duplicates) {
      const dup = customers.get(d.customerId) as Row;
      const orig = customers.get(d.duplicateOf) as Row;
      expect([dup.cuisine, dup.city, dup.district]).toEqual([orig.cuisine, orig.city, orig.district]);
      expect(dup.created_date! > orig.created_date!).toBe(true);
      expect(dup.name !== orig.name || dup.address !== orig.address, d.customerId).toBe(true);
      const metres = Math.hypot(
        (Number(dup.lat) - Number(orig.lat)) * 111_320,
        (Number(dup.lon) - Number(orig.lon)) * 111_320 * Math.cos((Number(orig.lat) * Math.PI) / 180),
      );
      expect(metres).toBeLessThan(60);
      expect(dup.phone === orig.phone).toBe(!d.variants.includes('different_phone'));
      if (dup.phone === orig.phone) samePhone++;
      if (withOrders.has(d.customerId)) ordered++;
      expect(d.variants.length).toBeGreaterThanOrEqual(1);
    }
    expect(samePhone / truth.duplicates.length).toBeGreaterThan(0.6);
    expect(ordered / truth.duplicates.length).toBeGreaterThan(0.5);
  });

  it('includes hard negatives: chain branches sharing a brand and HQ phone, common names elsewhere', () => {
    const dupIds = new Set(truth.duplicates.flatMap((d) => [d.customerId, d.duplicateOf]));
    const customers = rows('customers').filter((c) => !dupIds.has(c.customer_id ?? ''));
    const chains = customers.filter((c) => c.customer_type === 'chain');
    expect(chains.length / N).toBeGreaterThan(0.12);
    const phones = new Map<string, Set<string>>();
    for (const c of chains)
      phones.set(c.phone ?? '', (phones.get(c.phone ?? '') ?? new Set()).add(c.chain_id ?? ''));
    const shared = [...phones.entries()].filter(([, brands]) => brands.size === 1);
    expect(chains.filter((c) => shared.some(([p]) => p === c.phone && c.phone)).length).toBeGreaterThan(0);
    expect(chains.some((c) => /（.+店）$/.test(c.name ?? ''))).toBe(true);
    const byName = new Map<string, Set<string>>();
    for (const c of customers.filter((c) => c.customer_type === 'single'))
      byName.set(c.name ?? '', (byName.get(c.name ?? '') ?? new Set()).add(`${c.city}${c.district}`));
    expect([...byName.values()].filter((districts) => districts.size > 1).length).toBeGreaterThanOrEqual(3);
  });

  it('plants brushing bursts: small near-identical orders in minutes, mostly undone within two days', () => {
    const orders = ordersById();
    const lines = new Map<string, Row[]>();
    for (const l of rows('order_lines'))
      lines.set(l.order_id ?? '', [...(lines.get(l.order_id ?? '') ?? []), l]);
    const refunds = new Map(rows('refunds').map((r) => [r.order_id ?? '', r]));
    const bursts = new Map<string, Row[]>();
    for (const b of truth.brushing)
      bursts.set(b.burstId, [...(bursts.get(b.burstId) ?? []), orders.get(b.orderId) as Row]);
    for (const [id, burst] of bursts) {
      expect(burst.length, id).toBeGreaterThanOrEqual(5);
      expect(burst.length, id).toBeLessThanOrEqual(15);
      const times = burst.map((o) => timeMs(o.ordered_at ?? ''));
      expect(Math.max(...times) - Math.min(...times), id).toBeLessThanOrEqual(90 * 60_000);
      const amounts = burst.map((o) => cents(o.amount));
      expect(Math.min(...amounts), id).toBeGreaterThanOrEqual(900);
      expect(Math.max(...amounts), id).toBeLessThanOrEqual(6000);
      expect(Math.min(...amounts) / Math.max(...amounts), id).toBeGreaterThanOrEqual(0.97);
      const skus = new Set(burst.flatMap((o) => (lines.get(o.order_id ?? '') ?? []).map((l) => l.sku)));
      expect(skus.size, id).toBe(1);
      expect(burst.every((o) => (lines.get(o.order_id ?? '') ?? []).length === 1)).toBe(true);
      expect(burst.every((o) => o.channel === 'app' || o.channel === 'mini_program')).toBe(true);
      const undone = burst.filter((o) => {
        if (o.status === 'cancelled') return true;
        const r = refunds.get(o.order_id ?? '');
        return (
          !!r &&
          r.amount === o.amount &&
          timeMs(r.refunded_at ?? '') - timeMs(o.ordered_at ?? '') <= 48 * 3_600_000
        );
      });
      expect(undone.length / burst.length, id).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('plants huge refunds of 5–50× the order, and no other refund exceeds its order', () => {
    const orders = ordersById();
    const huge = new Set(truth.hugeRefunds.map((h) => h.refundId));
    const wrong = rows('refunds').filter((r) => {
      const ratio = cents(r.amount) / cents(orders.get(r.order_id ?? '')?.amount);
      return huge.has(r.refund_id ?? '') ? ratio < 4.99 || ratio > 50.01 : ratio > 1;
    });
    expect(wrong).toEqual([]);
  });

  it('stops churned customers (and their duplicates) the day before churnDate, not in the last two weeks', () => {
    const dupOf = new Map(truth.duplicates.map((d) => [d.duplicateOf, d.customerId]));
    const last = new Map<string, string>();
    for (const o of rows('orders')) {
      const day = (o.ordered_at ?? '').slice(0, 10);
      if (day > (last.get(o.customer_id ?? '') ?? '')) last.set(o.customer_id ?? '', day);
    }
    for (const c of truth.churned) {
      const ids = [c.customerId, dupOf.get(c.customerId)].filter((x): x is string => !!x);
      const lastDay =
        ids
          .map((id) => last.get(id) ?? '')
          .sort()
          .pop() ?? '';
      expect(dayMs(c.churnDate) - dayMs(lastDay), c.customerId).toBe(86_400_000);
      expect(dayMs(END) - dayMs(c.churnDate)).toBeGreaterThanOrEqual(14 * 86_400_000);
    }
  });

  it('makes fast-growing customers at least triple their spend within a few months of `since`', () => {
    const spend = new Map<string, { day: number; cents: number }[]>();
    for (const o of rows('orders'))
      if (o.status === 'completed')
        spend.set(o.customer_id ?? '', [
          ...(spend.get(o.customer_id ?? '') ?? []),
          { day: dayMs(o.ordered_at ?? ''), cents: cents(o.amount) },
        ]);
    const customers = byId();
    const ratios = truth.fastGrowing.flatMap((f) => {
      const since = dayMs(f.since);
      const created = dayMs(customers.get(f.customerId)?.created_date ?? f.since);
      const from = Math.max(created, dayMs(truth.from), since - 60 * 86_400_000);
      const before = (spend.get(f.customerId) ?? []).filter((o) => o.day >= from && o.day < since);
      const after = (spend.get(f.customerId) ?? []).filter((o) => o.day >= since + 110 * 86_400_000);
      const afterDays = (dayMs(END) - (since + 110 * 86_400_000)) / 86_400_000 + 1;
      const beforeDays = (since - from) / 86_400_000;
      if (beforeDays < 14 || afterDays < 14 || before.length === 0) return [];
      const rate = (xs: { cents: number }[], days: number) => xs.reduce((s, o) => s + o.cents, 0) / days;
      return [rate(after, afterDays) / rate(before, beforeDays)];
    });
    ratios.sort((a, b) => a - b);
    expect(ratios.length).toBeGreaterThan(truth.fastGrowing.length / 3);
    expect(ratios[Math.floor(ratios.length / 2)]).toBeGreaterThan(3);
  });

  it('backs every risky reason with evidence, and gives ordinary customers none', () => {
    const risky = new Map(truth.risky.map((r) => [r.customerId, r.reasons]));
    const dups = new Set(truth.duplicates.map((d) => d.customerId));
    const evidence = new Map<string, Set<string>>();
    const add = (id: string, reason: string) => evidence.set(id, (evidence.get(id) ?? new Set()).add(reason));
    for (const inv of rows('invoices')) {
      const id = inv.customer_id ?? '';
      if (inv.paid_date && dayMs(inv.paid_date) - dayMs(inv.due_date ?? '') >= 10 * 86_400_000)
        add(id, 'late_payment');
      if (!inv.paid_date && dayMs(END) - dayMs(inv.due_date ?? '') > 30 * 86_400_000) add(id, 'unpaid');
    }
    for (const d of rows('disputes'))
      if (d.status !== 'settled' && d.status !== 'won') add(d.customer_id ?? '', 'dispute');
    const latest = new Map<string, Row>();
    for (const r of rows('credit_ratings'))
      if ((latest.get(r.customer_id ?? '')?.rated_date ?? '') <= (r.rated_date ?? ''))
        latest.set(r.customer_id ?? '', r);
    for (const [id, r] of latest)
      if (['B', 'CCC', 'CC', 'C'].includes(r.rating ?? '')) add(id, 'poor_rating');
    const complaintDays = new Map<string, number[]>();
    for (const c of rows('complaints'))
      complaintDays.set(c.customer_id ?? '', [
        ...(complaintDays.get(c.customer_id ?? '') ?? []),
        dayMs(c.filed_at ?? ''),
      ]);
    for (const [id, days] of complaintDays) {
      days.sort((a, b) => a - b);
      if (days.some((d, i) => i >= 5 && d - (days[i - 5] ?? 0) <= 31 * 86_400_000)) add(id, 'complaints');
    }
    for (const [id, reasons] of risky)
      for (const reason of reasons)
        if (reason !== 'dispute') expect(evidence.get(id)?.has(reason), `${id} ${reason}`).toBe(true);
    for (const [id, found] of evidence) {
      if (risky.has(id) || dups.has(id)) continue;
      expect(
        [...found].filter((r) => r !== 'dispute'),
        id,
      ).toEqual([]);
    }
    const disputed = new Set(rows('disputes').map((d) => d.customer_id));
    const riskyDisputed = [...disputed].filter((id) => risky.get(id ?? '')?.includes('dispute')).length;
    expect(riskyDisputed / disputed.size).toBeGreaterThan(0.6);
  });
});

describe('cuisine SKU preferences', () => {
  it('makes each cuisine buy its signature products (weight ≥ 8) far more often than cuisines without them', () => {
    const cuisineOf = new Map(rows('customers').map((c) => [c.customer_id ?? '', c.cuisine ?? '']));
    const customerOf = new Map(rows('orders').map((o) => [o.order_id ?? '', o.customer_id ?? '']));
    const productOf = new Map(CATALOGUE.map((s) => [s.code, s.product]));
    const buyers = new Map<string, Set<string>>();
    const active = new Set<string>();
    for (const l of rows('order_lines')) {
      const customer = customerOf.get(l.order_id ?? '') ?? '';
      const product = productOf.get(l.sku ?? '') ?? '';
      active.add(customer);
      buyers.set(product, (buyers.get(product) ?? new Set()).add(customer));
    }
    const adoption = (product: string, among: (cuisine: string) => boolean) => {
      const eligible = [...active].filter((c) => among(cuisineOf.get(c) ?? ''));
      return eligible.filter((c) => buyers.get(product)?.has(c)).length / eligible.length;
    };
    const signatures = Object.entries(CUISINE_SKU_PREFERENCES).flatMap(([cuisine, weights]) =>
      Object.entries(weights)
        .filter(([, w]) => w >= 8)
        .map(([product]) => ({ cuisine, product })),
    );
    expect(signatures.length).toBeGreaterThanOrEqual(20);
    for (const { cuisine, product } of signatures) {
      const inside = adoption(product, (c) => c === cuisine);
      const outside = adoption(product, (c) => CUISINE_SKU_PREFERENCES[c]?.[product] === undefined);
      expect(inside, `${cuisine} ${product}`).toBeGreaterThan(0.5);
      expect(inside, `${cuisine} ${product}: ${inside} vs ${outside}`).toBeGreaterThan(2 * outside);
    }
  });
});
