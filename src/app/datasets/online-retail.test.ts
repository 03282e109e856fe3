import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { onlineRetailToImportFiles } from './online-retail.js';

const SAMPLE = 'test/fixtures/online-retail/online_retail_sample.csv';

const readCsv = async (path: string) =>
  Papa.parse<Record<string, string>>(await readFile(path, 'utf8'), { header: true, skipEmptyLines: true })
    .data;

describe('onlineRetailToImportFiles', () => {
  it('turns invoice lines into customers, regions, orders and refunds', async () => {
    const out = await mkdtemp(join(tmpdir(), 'online-retail-'));
    const summary = await onlineRetailToImportFiles(SAMPLE, out);
    expect(summary).toEqual({
      lines: 28,
      withoutCustomer: 2,
      duplicates: 1,
      customers: 5,
      orders: 9,
      refunds: 4,
      refundsWithoutOrder: 2,
    });
    expect(await readCsv(join(out, 'regions.csv'))).toEqual(
      ['Japan', 'United Kingdom'].map((city) => ({
        city,
        district: 'all',
        delivery_cost_per_order: '0',
        competition_index: '0',
      })),
    );
    const customers = await readCsv(join(out, 'customers.csv'));
    expect(customers.map((c) => [c.customer_id, c.city, c.created_date])).toEqual([
      ['17908', 'United Kingdom', '2010-12-01'],
      ['12755', 'Japan', '2010-12-09'],
      ['12908', 'United Kingdom', '2011-01-31'],
      ['16446', 'United Kingdom', '2011-05-18'],
      ['16861', 'United Kingdom', '2011-07-04'],
    ]);
    expect(customers[0]).toMatchObject({ name: 'Customer 17908', customer_type: 'single', district: 'all' });
    const orders = await readCsv(join(out, 'orders.csv'));
    expect(orders.map((o) => [o.order_id, o.customer_id, o.amount])).toEqual([
      ['536409', '17908', '27.75'], // 3 × 6.35 + 3.75 + 4.95: the duplicate line counts once
      ['537899', '12755', '3794.40'],
      ['542694', '12908', '318.00'],
      ['545645', '12755', '17.55'],
      ['553573', '16446', '2.90'],
      ['557092', '12908', '432.00'],
      ['558891', '16861', '70.80'],
      ['570495', '16861', '102.96'],
      ['581483', '16446', '168469.60'],
    ]);
    expect(orders[0]).toMatchObject({ ordered_at: '2010-12-01 11:45:00', status: 'completed' });
    const refunds = await readCsv(join(out, 'refunds.csv'));
    expect(refunds.map((r) => [r.refund_id, r.order_id, r.amount, r.refunded_at])).toEqual([
      ['C545892', '545645', '17.55', '2011-03-07 16:41:00'], // Manual: no StockCode to match, the latest order
      ['C548731', '537899', '1591.20', '2011-04-04 10:12:00'], // 22328 was bought in 537899, not in 545645
      ['C570708', '557092', '114.00', '2011-10-12 10:11:00'],
      ['C581484', '581483', '168469.60', '2011-12-09 09:27:00'],
    ]);
  });

  it('reads a gzipped file the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'online-retail-'));
    await writeFile(join(dir, 'sample.csv.gz'), gzipSync(await readFile(SAMPLE)));
    const plain = await onlineRetailToImportFiles(SAMPLE, join(dir, 'plain'));
    const gz = await onlineRetailToImportFiles(join(dir, 'sample.csv.gz'), join(dir, 'gz'));
    expect(gz).toEqual(plain);
    expect(await readFile(join(dir, 'gz', 'orders.csv'), 'utf8')).toBe(
      await readFile(join(dir, 'plain', 'orders.csv'), 'utf8'),
    );
  });
});
