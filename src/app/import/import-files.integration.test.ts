import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, expect, it } from 'vitest';
import { describeEachEngine, freshEngine, TEST_TZ } from '../../../test/support/engines.js';
import type { Engine, SqlSession } from '../../engines/engine.js';
import type { SqlQuery } from '../../sql/query.js';
import { importFiles } from './import-files.js';
import type { ImportRequest, ImportResult } from './import-types.js';
import { ImportMappingSchema } from './mapping-file.js';

const NOW = new Date('2025-06-01T00:00:00Z');
const run = (e: Engine, target: ImportRequest['target'], extra: Partial<ImportRequest> = {}) =>
  importFiles(e, { target, timeZone: TEST_TZ, now: NOW, ...extra });

const counts = (r: ImportResult) =>
  Object.fromEntries(
    r.files.map((f) => [f.source, [f.read, f.loaded, f.updated, f.duplicates, f.quarantined]]),
  );

const REGIONS =
  'city,district,delivery_cost_per_order,competition_index\n北京,朝阳区,12.5,0.4\n上海,浦东新区,10,0.5\n';
const CUSTOMERS_CN =
  '客户编号,客户名称,客户类型,城市,区县,注册日期,备注\r\n' +
  'C1,川味小馆,单店,北京,朝阳区,2023/1/2,老客户\r\n' +
  'C2,海底捞(浦东),连锁,上海,浦东新区,2023-03-04,\r\n';

describeEachEngine('importFiles', (kind) => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  async function setup(files: Record<string, string | Buffer>) {
    const db = await freshEngine(kind);
    engine = db.engine;
    const dir = await mkdtemp(join(tmpdir(), 'stratum-import-'));
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    return { engine: db.engine, dir };
  }

  it('loads a directory in dependency order: GBK CSV with Chinese headers, UTF-8 BOM CSV, JSON lines', async () => {
    const { engine: e, dir } = await setup({
      // Named so that alphabetical order would load orders first.
      '订单.csv':
        '\uFEFF订单编号,客户编号,下单时间,金额,状态,渠道\n' +
        'O1,C1,2024-05-01 12:30,"1,280.50",已完成,小程序\n',
      '客户.csv': iconv.encode(CUSTOMERS_CN, 'gbk'),
      'regions.jsonl': REGIONS.split('\n')
        .slice(1)
        .filter(Boolean)
        .map((l) => {
          const [city, district, cost, index] = l.split(',');
          return JSON.stringify({
            city,
            district,
            delivery_cost_per_order: Number(cost),
            competition_index: Number(index),
          });
        })
        .join('\n'),
    });
    const result = await run(e, { kind: 'dir', dir });
    expect(result.files.map((f) => [f.source, f.format])).toEqual([
      ['regions', 'jsonl (utf8)'],
      ['customers', 'csv (gb18030)'],
      ['orders', 'csv (utf8)'],
    ]);
    expect(counts(result)).toEqual({
      regions: [2, 2, 0, 0, 0],
      customers: [2, 2, 0, 0, 0],
      orders: [1, 1, 0, 0, 0],
    });
    expect(result.files[1]!.ignoredHeaders).toEqual(['备注']);
    expect(
      await e.all('SELECT customer_id, name, customer_type, created_date FROM customers ORDER BY 1'),
    ).toEqual([
      { customer_id: 'C1', name: '川味小馆', customer_type: 'single', created_date: '2023-01-02' },
      { customer_id: 'C2', name: '海底捞(浦东)', customer_type: 'chain', created_date: '2023-03-04' },
    ]);
    expect(await e.all('SELECT order_id, ordered_at, amount, status, channel FROM orders')).toEqual([
      {
        order_id: 'O1',
        ordered_at: '2024-05-01T04:30:00.000Z',
        amount: 1280.5,
        status: 'completed',
        channel: 'mini_program',
      },
    ]);
    expect(
      await e.all('SELECT source, rows_read, rows_loaded, format FROM imports ORDER BY started_at'),
    ).toEqual([
      { source: 'regions', rows_read: 2, rows_loaded: 2, format: 'jsonl (utf8)' },
      { source: 'customers', rows_read: 2, rows_loaded: 2, format: 'csv (gb18030)' },
      { source: 'orders', rows_read: 1, rows_loaded: 1, format: 'csv (utf8)' },
    ]);
  });

  it('reads an xlsx workbook: Excel dates, serial numbers in date columns, floating-point money', async () => {
    const { engine: e, dir } = await setup({
      'regions.csv': REGIONS,
      'customers.csv': iconv.encode(CUSTOMERS_CN, 'gbk'),
    });
    await run(e, { kind: 'dir', dir });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('订单');
    sheet.addRow(['订单编号', '客户编号', '下单时间', '金额', '毛利', '状态']);
    sheet.addRow(['O1', 'C1', new Date(Date.UTC(2024, 4, 1, 12, 30, 0)), 12.300000000001, -3.2, '已完成']);
    sheet.addRow(['O2', 'C2', 45413.5, 0.1 + 0.2, null, '已取消']); // 45413.5 = 2024-05-01 12:00
    sheet.addRow(['O3', 'C2', '2024-05-02 08:00', 12.345, null, '已完成']);
    const path = join(dir, 'orders.xlsx');
    await workbook.xlsx.writeFile(path);
    const result = await run(e, { kind: 'file', source: 'orders', file: path });
    expect(result.files[0]!.format).toBe('xlsx');
    expect(counts(result)).toEqual({ orders: [3, 2, 0, 0, 1] });
    expect(
      await e.all('SELECT order_id, ordered_at, amount, gross_margin, status FROM orders ORDER BY 1'),
    ).toEqual([
      {
        order_id: 'O1',
        ordered_at: '2024-05-01T04:30:00.000Z',
        amount: 12.3,
        gross_margin: -3.2,
        status: 'completed',
      },
      {
        order_id: 'O2',
        ordered_at: '2024-05-01T04:00:00.000Z',
        amount: 0.3,
        gross_margin: null,
        status: 'cancelled',
      },
    ]);
    expect(result.quarantine).toEqual([
      { file: path, row: 4, field: 'amount', reason: '"12.345" has more than 2 decimals' },
    ]);
  });

  it('reads a Parquet file written by DuckDB, numbering records from 1', async () => {
    const { engine: e, dir } = await setup({
      'regions.csv': REGIONS,
      'customers.csv': iconv.encode(CUSTOMERS_CN, 'gbk'),
    });
    await run(e, { kind: 'dir', dir });
    const path = join(dir, 'orders.parquet');
    const writer = await DuckDBInstance.create(':memory:');
    const conn = await writer.connect();
    await conn.run(`COPY (
      SELECT * FROM (VALUES
        ('O1', 'C1', TIMESTAMPTZ '2024-05-01 04:30:00+00', 12.300000000000001::DOUBLE, 'completed'),
        ('O2', 'C2', TIMESTAMPTZ '2024-05-01 05:00:00+00', 99.5::DOUBLE, 'done'),
        ('O3', 'C1', TIMESTAMPTZ '2099-01-01 00:00:00+00', 1::DOUBLE, 'completed')
      ) t(order_id, customer_id, ordered_at, amount, status)
    ) TO '${path}' (FORMAT parquet)`);
    conn.closeSync();
    writer.closeSync();
    const result = await run(e, { kind: 'file', source: 'orders', file: path });
    expect(counts(result)).toEqual({ orders: [3, 1, 0, 0, 2] });
    expect(await e.all('SELECT order_id, ordered_at, amount FROM orders')).toEqual([
      { order_id: 'O1', ordered_at: '2024-05-01T04:30:00.000Z', amount: 12.3 },
    ]);
    expect(result.quarantine.map((q) => [q.row, q.field])).toEqual([
      [2, 'status'],
      [3, 'ordered_at'],
    ]);
  });

  it('quarantines each kind of bad row with file, row, field and a specific reason, keeping the good ones', async () => {
    const orders =
      'order_id,customer_id,ordered_at,amount,status\n' +
      'O1,C1,2024-05-01 10:00,10,completed\n' + // good
      'O2,C404,2024-05-01 10:00,10,completed\n' + // unknown customer
      'O3,C1,2024-05-01 10:00,-5,completed\n' + // negative amount
      'O4,C1,2099-01-01 10:00,10,completed\n' + // in the future
      'O5,C1,2024-05-01 10:00,12.3.4,completed\n' + // malformed number
      'O6,C1,,abc,completed\n' + // two faults on one row
      'O1,C1,2024-05-02 10:00,99,completed\n'; // duplicate within the file: the first one wins
    const lines =
      'order_id,line_no,sku,category,quantity,unit_price\nO1,1,S1,蔬菜,2,3.5\nO9,1,S1,蔬菜,2,3.5\n';
    const customers =
      'customer_id,name,customer_type,city,district,created_date\nC1,a,single,北京,朝阳区,2023-01-01\nC2,b,single,北京,海淀区,2023-01-01\n';
    const { engine: e, dir } = await setup({
      'regions.csv': REGIONS,
      'customers.csv': customers,
      'orders.csv': orders,
      '订单明细.csv': lines,
    });
    const result = await run(e, { kind: 'dir', dir });
    expect(counts(result)).toEqual({
      regions: [2, 2, 0, 0, 0],
      customers: [2, 1, 0, 0, 1],
      orders: [7, 1, 0, 1, 5],
      order_lines: [2, 1, 0, 0, 1],
    });
    const file = (name: string) => join(dir, name);
    expect(result.quarantine).toEqual([
      { file: file('customers.csv'), row: 3, field: 'city+district', reason: 'unknown region 北京/海淀区' },
      { file: file('orders.csv'), row: 3, field: 'customer_id', reason: 'unknown customer C404' },
      { file: file('orders.csv'), row: 4, field: 'amount', reason: '-5.00 is negative' },
      {
        file: file('orders.csv'),
        row: 5,
        field: 'ordered_at',
        reason: '2099-01-01T10:00:00+08:00 is in the future',
      },
      { file: file('orders.csv'), row: 6, field: 'amount', reason: '"12.3.4" is not a number' },
      { file: file('orders.csv'), row: 7, field: 'amount', reason: '"abc" is not a number' },
      { file: file('orders.csv'), row: 7, field: 'ordered_at', reason: 'is required but empty' },
      { file: file('订单明细.csv'), row: 3, field: 'order_id', reason: 'unknown order O9' },
    ]);
    const raw = await e.all(`SELECT raw FROM quarantine WHERE row_number = 3 AND field = 'customer_id'`);
    expect(JSON.parse(String(raw[0]!.raw))).toEqual({
      order_id: 'O2',
      customer_id: 'C404',
      ordered_at: '2024-05-01 10:00',
      amount: '10',
      status: 'completed',
    });
    expect(await e.all('SELECT order_id, amount FROM orders')).toEqual([{ order_id: 'O1', amount: 10 }]);
  });

  it('is idempotent: a second import loads nothing new; changed master data is updated', async () => {
    const customers =
      'customer_id,name,customer_type,city,district,created_date\nC1,a,single,北京,朝阳区,2023-01-01\nC2,b,single,北京,朝阳区,2023-01-01\n';
    const orders =
      'order_id,customer_id,ordered_at,amount,status\nO1,C1,2024-05-01 10:00,10,completed\nO2,C2,2024-05-01 10:00,10,completed\n';
    const { engine: e, dir } = await setup({
      'regions.csv': REGIONS,
      'customers.csv': customers,
      'orders.csv': orders,
    });
    expect(counts(await run(e, { kind: 'dir', dir }))).toEqual({
      regions: [2, 2, 0, 0, 0],
      customers: [2, 2, 0, 0, 0],
      orders: [2, 2, 0, 0, 0],
    });
    expect(counts(await run(e, { kind: 'dir', dir }))).toEqual({
      regions: [2, 0, 0, 2, 0],
      customers: [2, 0, 0, 2, 0],
      orders: [2, 0, 0, 2, 0],
    });
    await writeFile(
      join(dir, 'customers.csv'),
      customers.replace('C2,b,', 'C2,b2,') + 'C3,c,chain,上海,浦东新区,2024-01-01\n',
    );
    await writeFile(
      join(dir, 'orders.csv'),
      orders.replace('O2,C2,2024-05-01 10:00,10', 'O2,C2,2024-05-01 10:00,99'),
    );
    expect(counts(await run(e, { kind: 'dir', dir }))).toEqual({
      regions: [2, 0, 0, 2, 0],
      customers: [3, 1, 1, 1, 0],
      orders: [2, 0, 0, 2, 0], // orders are facts: an existing order is never changed by a re-import
    });
    expect(await e.all('SELECT customer_id, name FROM customers ORDER BY 1')).toEqual([
      { customer_id: 'C1', name: 'a' },
      { customer_id: 'C2', name: 'b2' },
      { customer_id: 'C3', name: 'c' },
    ]);
    expect(await e.all('SELECT count(*) AS n, sum(amount) AS total FROM orders')).toEqual([
      { n: 2, total: 20 },
    ]);
  });

  it('rolls a file back entirely when the merge fails, leaving the previous state intact', async () => {
    const orders =
      'order_id,customer_id,ordered_at,amount,status\nO1,C1,2024-05-01 10:00,10,completed\nO2,C404,2024-05-01 10:00,10,completed\n';
    const customers =
      'customer_id,name,customer_type,city,district,created_date\nC1,a,single,北京,朝阳区,2023-01-01\n';
    const { engine: e, dir } = await setup({ 'regions.csv': REGIONS, 'customers.csv': customers });
    await run(e, { kind: 'dir', dir });
    await writeFile(join(dir, 'orders.csv'), orders);
    const before = await e.all(
      'SELECT (SELECT count(*) FROM imports) AS imports, (SELECT count(*) FROM quarantine) AS q',
    );
    // Fail on the last statement of the merge, after the orders were inserted.
    const failing: Engine = {
      ...e,
      transaction: (work) =>
        e.transaction((tx) => {
          const session: SqlSession = {
            ...tx,
            run: async (q: SqlQuery | string) => {
              if ((typeof q === 'string' ? q : q.sql).startsWith('UPDATE "imports"'))
                throw new Error('disk full');
              return tx.run(q);
            },
          };
          return work(session);
        }),
    };
    await expect(
      run(failing, { kind: 'file', source: 'orders', file: join(dir, 'orders.csv') }),
    ).rejects.toThrow('disk full');
    expect(await e.all('SELECT count(*) AS n FROM orders')).toEqual([{ n: 0 }]);
    expect(
      await e.all('SELECT (SELECT count(*) FROM imports) AS imports, (SELECT count(*) FROM quarantine) AS q'),
    ).toEqual(before);
    // No staging table is left behind, and the same file then imports normally.
    expect(
      await e.all(
        `SELECT count(*) AS n FROM information_schema.tables
         WHERE starts_with(table_name, 'import_stage') OR starts_with(table_name, 'import_good')`,
      ),
    ).toEqual([{ n: 0 }]);
    expect(counts(await run(e, { kind: 'file', source: 'orders', file: join(dir, 'orders.csv') }))).toEqual({
      orders: [2, 1, 0, 0, 1],
    });
  });

  it('fails naming the file for an unknown source, a missing required column, or an unreadable file', async () => {
    const { engine: e, dir } = await setup({
      'regions.csv': REGIONS,
      'stuff.csv': 'a,b\n1,2\n',
      'README.md': 'not data',
    });
    await expect(run(e, { kind: 'dir', dir })).rejects.toMatchObject({
      code: 'SOURCE_UNKNOWN',
      details: { file: join(dir, 'stuff.csv') },
    });
    expect(await e.all('SELECT count(*) AS n FROM regions')).toEqual([{ n: 0 }]); // nothing loaded before failing

    await writeFile(join(dir, 'orders.csv'), '订单编号,金额\nO1,1\n');
    await expect(
      run(e, { kind: 'file', source: 'orders', file: join(dir, 'orders.csv') }),
    ).rejects.toMatchObject({
      code: 'HEADER_MISSING_COLUMNS',
      message: expect.stringContaining(
        `${join(dir, 'orders.csv')}: missing required orders columns customer_id, ordered_at, status`,
      ),
      details: { missing: ['customer_id', 'ordered_at', 'status'] },
    });
    await expect(
      run(e, { kind: 'file', source: 'nope', file: join(dir, 'orders.csv') }),
    ).rejects.toMatchObject({
      code: 'SOURCE_UNKNOWN',
    });

    await writeFile(
      join(dir, 'broken.csv'),
      'city,district,delivery_cost_per_order,competition_index\n北京,"朝阳区,1,0.4\n',
    );
    await expect(
      run(e, { kind: 'file', source: 'regions', file: join(dir, 'broken.csv') }),
    ).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: expect.stringContaining('broken.csv'),
    });
    expect(await e.all('SELECT count(*) AS n FROM imports')).toEqual([{ n: 0 }]);
  });

  it('follows a mapping: file names to sources and headers to columns', async () => {
    const { engine: e, dir } = await setup({
      '区域导出2024.csv': 'CITY,区县名,配送成本,竞争指数\n北京,朝阳区,1,0.1\n',
      'notes.txt': 'city,district\n',
    });
    const mapping = ImportMappingSchema.parse({
      files: { '区域导出2024.csv': 'regions', notes: 'regions' },
      sources: { regions: { columns: { 区县名: 'district' } } },
    });
    await writeFile(join(dir, 'notes.txt'), 'city,区县名,delivery_cost_per_order,competition_index\n');
    const result = await run(e, { kind: 'dir', dir }, { mapping });
    expect(counts(result)).toEqual({ regions: [1, 1, 0, 0, 0] });
    expect(result.files).toHaveLength(2);
    const bad = ImportMappingSchema.safeParse({ sources: { orders: { columns: { x: 'nope' } } } });
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      expect.stringContaining('orders has no column "nope"'),
    ]);
  });
});
