import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { listAudit } from '../../../app/accounts/audit.js';
import { describeEachEngine } from '../../../../test/support/engines.js';

describeEachEngine('data API', (kind) => {
const REGIONS =
  'city,district,delivery_cost_per_order,competition_index\n北京,朝阳区,12.5,0.4\n北京,海淀区,10,0.5\n';
const CUSTOMERS =
  '客户编号,客户名称,客户类型,城市,区县,注册日期\n' +
  'C1,川味小馆,单店,北京,朝阳区,2023/1/2\n' +
  'C2,老王面馆,没有这种,北京,朝阳区,2023-01-03\n' + // row 3: unknown customer type
  'C3,蜀香阁,单店,上海,浦东新区,2023-01-04\n' + // row 4: unknown region
  'C4,海底捞,连锁,北京,海淀区,2023-13-40\n' + // row 5: impossible date
  'C5,鸿运大酒店,连锁,北京,海淀区,2023-02-01\n';

type Files = Record<string, string | Buffer>;

function form(files: Files, fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  for (const [name, content] of Object.entries(files))
    data.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  return data;
}

let server: ApiTestServer;
beforeAll(async () => {
  server = await apiTestServer({ engine: kind });
});
afterAll(async () => server?.close());

const upload = async (headers: Record<string, string>, data: FormData, query = '') =>
  server.app.inject({ method: 'POST', url: `/api/v1/data/import${query}`, headers, payload: data });

const get = async (headers: Record<string, string>, url: string) =>
  server.app.inject({ method: 'GET', url: `/api/v1/data${url}`, headers });

describe('POST /api/v1/data/import', () => {
  it('loads a good CSV and answers with the summary of `stratum import --json`', async () => {
    const analyst = await server.as('analyst');
    const res = await upload(analyst, form({ 'regions.csv': REGIONS }));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sources).toEqual({
      regions: {
        read: 2,
        loaded: 2,
        quarantined: 0,
        duplicates: 0,
        updated: 0,
        files: ['regions.csv'],
        ignoredColumns: [],
      },
    });
    expect(body.quarantine).toEqual([]);
    expect(body.cleaning).toBeNull();
    expect(body.imports).toEqual([
      { importId: expect.any(String), source: 'regions', file: 'regions.csv', format: 'csv (utf8)' },
    ]);
    expect(await server.engine.all('SELECT city, district FROM regions ORDER BY district')).toEqual([
      { city: '北京', district: '朝阳区' },
      { city: '北京', district: '海淀区' },
    ]);

    const again = await upload(analyst, form({ 'regions.csv': REGIONS }));
    expect(again.json().sources.regions).toMatchObject({ read: 2, loaded: 0, duplicates: 2 });

    const log = await get(analyst, '/imports?source=regions');
    expect(log.statusCode).toBe(200);
    expect(log.json().items.map((i: { file: string; loaded: number }) => [i.file, i.loaded])).toEqual([
      ['regions.csv', 0],
      ['regions.csv', 2],
    ]);
  });

  it('quarantines bad rows naming file, row and field, and still commits the good rows', async () => {
    const analyst = await server.as('analyst');
    const res = await upload(analyst, form({ '客户.csv': CUSTOMERS }));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sources.customers).toMatchObject({ read: 5, loaded: 2, quarantined: 3, files: ['客户.csv'] });
    expect(body.quarantineTotal).toBe(3);
    expect(body.quarantine.map((q: { file: string; row: number; field: string }) => [q.file, q.row, q.field])).toEqual([
      ['客户.csv', 3, 'customer_type'],
      ['客户.csv', 4, 'city+district'],
      ['客户.csv', 5, 'created_date'],
    ]);
    expect(await server.engine.all('SELECT customer_id FROM customers ORDER BY 1')).toEqual([
      { customer_id: 'C1' },
      { customer_id: 'C5' },
    ]);

    const importId = body.imports[0].importId as string;
    const page = await get(analyst, `/quarantine?import=${importId}`);
    expect(page.statusCode).toBe(200);
    const items = page.json().items;
    expect(items.map((q: { table: string; file: string; row: number }) => [q.table, q.file, q.row])).toEqual([
      ['customers', '客户.csv', 3],
      ['customers', '客户.csv', 4],
      ['customers', '客户.csv', 5],
    ]);
    expect(items[0].reason).toContain('没有这种');
    // The analyst may not see personal data, so not the raw row; an admin does.
    expect(items.every((q: { raw: unknown }) => q.raw === null)).toBe(true);
    const asAdmin = (await get(await server.as('admin'), `/quarantine?import=${importId}`)).json();
    expect(asAdmin.items[0].raw).toMatchObject({ 客户编号: 'C2', 客户类型: '没有这种' });

    // The log and the quarantine in the database name the upload, never its temporary copy.
    const files = await server.engine.all('SELECT DISTINCT file FROM quarantine UNION SELECT file FROM imports');
    expect(files.map((r) => r.file).sort()).toEqual(['regions.csv', '客户.csv']);
  });

  it('pages the quarantine with a cursor, filtered by table', async () => {
    const analyst = await server.as('analyst');
    const all = (await get(analyst, '/quarantine?table=customers&limit=1000')).json().items;
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: unknown[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/quarantine?table=customers&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await get(analyst, query)).json() as { items: unknown[]; nextCursor: string | null };
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect((await get(analyst, '/quarantine?table=orders')).json().items).toEqual([]);

    const bad = await get(analyst, '/quarantine?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'cursor' } });
    const badTable = await get(analyst, '/quarantine?table=nope');
    expect(badTable.statusCode).toBe(400);
    expect(badTable.json().error.details.field).toContain('table');
  });

  it('takes the source from a `source` field for a file named otherwise', async () => {
    const analyst = await server.as('analyst');
    const unnamed = await upload(analyst, form({ 'export 2025.csv': REGIONS }));
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().error.code).toBe('SOURCE_UNKNOWN');
    const res = await upload(analyst, form({ 'export 2025.csv': REGIONS }, { source: 'regions' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().sources.regions.files).toEqual(['export 2025.csv']);
    const unknown = await upload(analyst, form({ 'x.csv': REGIONS }, { source: 'nope' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'source' } });
  });

  it('loads several files in dependency order, whatever their order in the form', async () => {
    const analyst = await server.as('analyst');
    const orders = 'order_id,customer_id,ordered_at,amount,status\nO1,C9,2024-05-01 10:00,10,completed\n';
    const customers =
      'customer_id,name,customer_type,city,district,created_date\nC9,九号店,single,北京,海淀区,2023-01-01\n';
    const res = await upload(analyst, form({ 'orders.csv': orders, 'customers.csv': customers }));
    expect(res.statusCode).toBe(200);
    expect(res.json().imports.map((i: { source: string }) => i.source)).toEqual(['customers', 'orders']);
    expect(res.json().sources.orders).toMatchObject({ loaded: 1, quarantined: 0 });
  });

  it('refuses an unknown format with 400 FILE_FORMAT_UNKNOWN, loading nothing', async () => {
    const analyst = await server.as('analyst');
    const before = await server.engine.all('SELECT count(*) AS n FROM imports');
    const res = await upload(analyst, form({ 'regions.csv': REGIONS, 'orders.docx': 'PK\u0003\u0004' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'FILE_FORMAT_UNKNOWN', details: { file: 'orders.docx' } });
    expect(await server.engine.all('SELECT count(*) AS n FROM imports')).toEqual(before);
  });

  it('refuses a body that is not multipart, and a form without files, with 400', async () => {
    const analyst = await server.as('analyst');
    const json = await server.app.inject({
      method: 'POST',
      url: '/api/v1/data/import',
      headers: analyst,
      payload: { file: 'regions.csv' },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'body' } });
    const empty = await upload(analyst, form({}, { source: 'regions' }));
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.code).toBe('NOTHING_LOADED');
  });

  it('names the upload, not a temporary path, when a file lacks a required column', async () => {
    const res = await upload(await server.as('analyst'), form({ '../../orders.csv': 'order_id,amount\nO1,1\n' }));
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('HEADER_MISSING_COLUMNS');
    expect(error.details.file).toBe('orders.csv');
    expect(error.message).toMatch(/^orders\.csv: missing required orders columns/);
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a declared length over the limit, before reading it', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/data/import',
      headers: {
        ...(await server.as('analyst')),
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(300 * 1024 * 1024),
      },
      payload: '--x--\r\n',
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { limitBytes: 200 * 1024 * 1024 },
    });
    expect(res.json().error.message).toContain('200 MB');
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a streamed file passing 200 MB, loading nothing', async () => {
    const boundary = `b${randomUUID()}`;
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    async function* body() {
      yield Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="orders.csv"\r\n` +
          'Content-Type: text/csv\r\n\r\norder_id,customer_id,ordered_at,amount,status\n',
      );
      for (let i = 0; i < 201; i++) yield chunk;
      yield Buffer.from(`\r\n--${boundary}--\r\n`);
    }
    const before = await server.engine.all('SELECT count(*) AS n FROM imports');
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/data/import',
      headers: {
        ...(await server.as('analyst')),
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Readable.from(body()),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(res.json().error.message).toBe('orders.csv is larger than the upload limit of 200 MB');
    expect(await server.engine.all('SELECT count(*) AS n FROM imports')).toEqual(before);
  }, 30_000);

  it('lets an analyst (and an admin) upload; a viewer, a rep and an integration key get 403, no caller 401', async () => {
    const file = () => form({ 'regions.csv': REGIONS });
    expect((await upload(await server.as('admin'), file())).statusCode).toBe(200);
    expect((await upload(await server.as('analyst'), file())).statusCode).toBe(200);
    for (const headers of [
      await server.as('viewer'),
      await server.as('rep', { repId: 'R1' }),
      await server.as('manager', { team: 'T1' }),
      await server.key('integration'),
    ]) {
      const res = await upload(headers, file());
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'data.import' } });
    }
    expect((await upload({}, file())).statusCode).toBe(401);
    for (const url of ['/imports', '/quarantine', '/cleaning'])
      expect((await get(await server.as('viewer'), url)).statusCode).toBe(403);
  });

  it('audits each upload as data.imported, with who and which files', async () => {
    const analyst = await server.as('analyst', { username: 'ana' });
    await upload(analyst, form({ 'regions.csv': REGIONS }));
    const [entry] = await listAudit(server.engine, server.engine.dialect, {
      action: 'data.imported',
      actor: 'ana',
      limit: 1,
    });
    expect(entry).toMatchObject({
      actor: 'ana',
      actorKind: 'user',
      target: 'regions',
      details: { files: [{ file: 'regions.csv', source: 'regions', read: 2 }], cleaned: false },
    });
  });

  it('runs the cleaning after the import with clean=true; GET /data/cleaning shows its report', async () => {
    const analyst = await server.as('analyst');
    const res = await upload(analyst, form({ 'regions.csv': REGIONS }), '?clean=true');
    expect(res.statusCode).toBe(200);
    const cleaning = res.json().cleaning;
    expect(cleaning).toMatchObject({ runId: expect.any(String), customers: { total: 3 } });
    const latest = await get(analyst, '/cleaning');
    expect(latest.statusCode).toBe(200);
    expect(latest.json()).toEqual(cleaning);
  });
});

describe('POST /api/v1/data/import over a real socket', () => {
  it('takes a multipart upload from fetch on a listening server', async () => {
    const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const res = await fetch(`${url}/api/v1/data/import`, {
      method: 'POST',
      headers: await server.key('admin'),
      body: form({ 'regions.csv': REGIONS }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { sources: Record<string, { read: number }> };
    expect(body.sources.regions?.read).toBe(2);
  });
});

describe('GET /api/v1/data/cleaning', () => {
  it('is 404 NOT_FOUND before any cleaning', async () => {
    const fresh = await apiTestServer({ engine: kind });
    try {
      const res = await fresh.app.inject({
        method: 'GET',
        url: '/api/v1/data/cleaning',
        headers: await fresh.as('analyst'),
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    } finally {
      await fresh.close();
    }
  });
});
});
