import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import type { CustomerItem } from '../../../app/customers/customer-item.js';
import { exportCustomerChunks } from '../../../app/customers/export-customers.js';
import { EXPORT_COLUMNS } from '../../../app/customers/export-format.js';
import { maskName, maskPhone } from '../../../domain/access/masking.js';
import { describeEachEngine } from '../../../../test/support/engines.js';

describeEachEngine('export API', (kind) => {
  let s: ApiTestServer;
  let runId: string;
  /** Every customer of the latest run, unmasked (admin) and masked (analyst), by id. */
  let plain: Map<string, CustomerItem>;
  let masked: Map<string, CustomerItem>;

  const get = (url: string, headers: Record<string, string>) => s.app.inject({ method: 'GET', url, headers });
  const csvRows = (body: string) =>
    parse(body.replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
  const jsonLines = (body: string) =>
    body
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => JSON.parse(l) as CustomerItem);

  async function listAll(headers: Record<string, string>): Promise<Map<string, CustomerItem>> {
    const res = await get('/api/v1/customers?limit=200&sort=name', headers);
    const first = res.json() as { items: CustomerItem[]; nextCursor: string | null };
    const items = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (await get(`/api/v1/customers?limit=200&sort=name&cursor=${cursor}`, headers)).json();
      items.push(...page.items);
      cursor = page.nextCursor;
    }
    return new Map(items.map((c) => [c.customerId, c]));
  }

  beforeAll(async () => {
    s = await apiTestServer({ demo: { customers: 300, months: 6, weeks: 2 }, engine: kind });
    const [run] = await s.engine.all('SELECT run_id FROM tiering_runs ORDER BY as_of DESC LIMIT 1');
    runId = String(run?.run_id);
    plain = await listAll(await s.as('admin'));
    masked = await listAll(await s.as('analyst'));
  });
  afterAll(async () => s?.close());

  describe('GET /export', () => {
    it('streams CSV with a BOM, the documented columns and one row per customer, masked for an integration key', async () => {
      const res = await get('/api/v1/export?format=csv', await s.key('integration'));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toContain(`customers-${runId}.csv`);
      expect(res.body.startsWith('\ufeff')).toBe(true);
      expect(res.body.slice(1, res.body.indexOf('\r\n'))).toBe(EXPORT_COLUMNS.join(','));
      const rows = csvRows(res.body);
      expect(rows.map((r) => r.customer_id)).toEqual([...plain.keys()].sort());
      for (const row of rows) {
        const c = plain.get(row.customer_id ?? '') as CustomerItem;
        expect(row.name).toBe(c.name);
        expect(row.tier).toBe(c.tier ?? '');
        expect(row.tags).toBe(c.tags.join('|'));
        expect(row.phone).toBe(maskPhone(c.contact.phone) ?? '');
        expect(row.contact_name).toBe(maskName(c.contact.name) ?? '');
        expect(row.address).toBe(c.district);
        expect(row.rep_id).toBe(c.owner?.repId);
        expect(Number(row.score)).toBe(c.score);
      }
      expect(rows.some((r) => /^1\d\d\*{4}\d{4}$/.test(r.phone ?? ''))).toBe(true);
    });

    it('streams JSON lines equal to the list’s items, unmasked for an admin and masked for an analyst', async () => {
      for (const [role, expected] of [
        ['admin', plain],
        ['analyst', masked],
      ] as const) {
        const res = await get('/api/v1/export?format=jsonl', await s.as(role));
        expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
        const lines = jsonLines(res.body);
        expect(lines).toHaveLength(expected.size);
        for (const line of lines) expect(line, role).toEqual(expected.get(line.customerId));
      }
    });

    it('filters like the list and scopes a manager to their team', async () => {
      const admin = await s.as('admin');
      const gold = jsonLines((await get('/api/v1/export?format=jsonl&tier=gold', admin)).body);
      expect(gold.length).toBeGreaterThan(0);
      expect(gold.map((c) => c.customerId)).toEqual(
        [...plain.values()]
          .filter((c) => c.tier === 'gold')
          .map((c) => c.customerId)
          .sort(),
      );
      const team = [...plain.values()][0]?.owner?.team as string;
      const manager = await s.as('manager', { team });
      const rows = csvRows((await get('/api/v1/export?format=csv', manager)).body);
      expect(rows.map((r) => r.customer_id)).toEqual(
        [...plain.values()]
          .filter((c) => c.owner?.team === team)
          .map((c) => c.customerId)
          .sort(),
      );
      expect(rows.every((r) => r.phone === plain.get(r.customer_id ?? '')?.contact.phone)).toBe(true);
    });

    it('reads pages of rows, never the whole run at once', async () => {
      const chunks: string[] = [];
      for await (const chunk of exportCustomerChunks(s.engine, {
        runId,
        scope: { kind: 'all' },
        personalVisible: false,
        filter: {},
        format: 'jsonl',
        pageRows: 40,
      }))
        chunks.push(chunk);
      expect(chunks.length).toBe(Math.ceil(plain.size / 40) + (plain.size % 40 === 0 ? 1 : 0));
      expect(jsonLines(chunks.join('')).map((c) => c.customerId)).toEqual([...plain.keys()].sort());
    });

    it('audits every export with who, the run and whether it was masked', async () => {
      await get('/api/v1/export?format=csv&tier=silver', await s.key('integration'));
      const res = await get('/api/v1/audit?action=export&limit=1', await s.as('admin'));
      const [entry] = res.json().items;
      expect(entry).toMatchObject({ action: 'export', actorKind: 'key', target: runId });
      expect(entry.details).toMatchObject({
        format: 'csv',
        filter: { tier: 'silver' },
        scope: 'all',
        masked: true,
      });
    });

    it('refuses callers without export.read, an unknown format and an unknown run', async () => {
      const admin = await s.as('admin');
      for (const role of ['rep', 'viewer'] as const) {
        const res = await get('/api/v1/export?format=csv', await s.as(role));
        expect(res.statusCode, role).toBe(403);
      }
      const xml = await get('/api/v1/export?format=xml', admin);
      expect(xml.statusCode).toBe(400);
      expect(xml.json().error.details.field).toBe('querystring.format');
      expect((await get('/api/v1/export?format=csv&run=nope', admin)).statusCode).toBe(404);
    });
  });
});
