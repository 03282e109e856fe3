import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { describeEachEngine } from '../../../../test/support/engines.js';
import { latestRun } from '../../../app/customers/run-of.js';
import { recommendForCustomer } from '../../../app/recommendations/recommend-customer.js';
import { CustomerRecommendationsSchema } from '../../../contracts/recommendations/recommendations.js';

describeEachEngine('recommendations API', (kind) => {
  let s: ApiTestServer;
  let runId = '';
  let asOf = '';
  /** Customers of the latest run with their owner and tier. */
  let customers: { id: string; rep: string; team: string; tier: string | null }[];

  const csvRows = (body: string) =>
    parse(body, { columns: true, bom: true, record_delimiter: '\r\n' }) as Record<string, string>[];

  const get = async (url: string, headers: Record<string, string>) =>
    s.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

  beforeAll(async () => {
    s = await apiTestServer({ demo: { customers: 100, months: 3, weeks: 1 }, engine: kind });
    const run = await latestRun(s.engine);
    runId = run?.runId ?? '';
    asOf = run?.asOf ?? '';
    customers = (
      await s.engine.all(
        `SELECT s.customer_id, o.rep_id, o.team, s.tier FROM tier_snapshots s
         JOIN customer_owners_clean o ON o.customer_id = s.customer_id
         WHERE s.run_id = '${runId}' ORDER BY s.customer_id`,
      )
    ).map((r) => ({
      id: String(r.customer_id),
      rep: String(r.rep_id),
      team: String(r.team),
      tier: r.tier === null ? null : String(r.tier),
    }));
  });

  afterAll(async () => {
    await s?.close();
  });

  it('answers a customer’s recommendations as of the latest run, as the use case computes them, documented in OpenAPI', async () => {
    const id = customers[0]?.id ?? '';
    const res = await get(`/customers/${id}/recommendations?limit=5`, await s.as('analyst'));
    expect(res.statusCode, res.body).toBe(200);
    const body = CustomerRecommendationsSchema.parse(res.json());
    expect(body.asOf).toBe(asOf);
    expect(body.recommendations.length).toBeGreaterThan(0);
    expect(body.recommendations.length).toBeLessThanOrEqual(5);
    const direct = await recommendForCustomer(s.engine, { customerId: id, asOf, latest: asOf, limit: 5 });
    expect(body).toEqual(JSON.parse(JSON.stringify(direct)));
    const doc = (await s.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/customers/{id}/recommendations', '/api/v1/recommendations/export']),
    );
  });

  it('scopes like the customer routes: a rep sees their customers only, a viewer none', async () => {
    const mine = customers[0];
    const other = customers.find((c) => c.rep !== mine?.rep);
    const rep = await s.as('rep', { repId: mine?.rep ?? '' });
    expect((await get(`/customers/${mine?.id}/recommendations`, rep)).statusCode).toBe(200);
    expect((await get(`/customers/${other?.id}/recommendations`, rep)).statusCode).toBe(404);
    expect((await get(`/customers/${mine?.id}/recommendations`, await s.as('viewer'))).statusCode).toBe(403);
    expect((await get(`/customers/NOPE/recommendations`, await s.as('admin'))).statusCode).toBe(404);
  });

  it('exports the custom-assortment lists of the tiers asked for as CSV, within the caller’s scope (a manager: their team)', async () => {
    const res = await get('/recommendations/export?tiers=platinum,gold&limit=3&lang=en', await s.as('admin'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.slice(0, res.body.indexOf('\r\n'))).toBe(
      '\ufeffcustomer_id,name,tier,custom_assortment,rank,sku,category,peer_share,peer_buyers,peer_count,peer_level,reason',
    );
    const rows = csvRows(res.body);
    const listed = new Map(rows.map((r) => [r.customer_id, r.tier]));
    const expected = customers.filter((c) => c.tier === 'platinum' || c.tier === 'gold');
    expect(expected.length).toBeGreaterThan(0);
    expect(listed.size).toBeGreaterThan(expected.length / 2);
    for (const c of expected) {
      if (listed.has(c.id)) expect(listed.get(c.id)).toBe(c.tier);
      else {
        // Left out only when there is nothing to recommend.
        const alone = await recommendForCustomer(s.engine, {
          customerId: c.id,
          asOf,
          latest: asOf,
          limit: 3,
        });
        expect(alone.recommendations, c.id).toEqual([]);
      }
    }
    expect([...listed.keys()].every((id) => expected.some((c) => c.id === id))).toBe(true);
    expect(rows.every((r) => r.reason?.endsWith('this customer never has'))).toBe(true);

    const team = expected.find((c) => listed.has(c.id))?.team ?? '';
    const scoped = await get('/recommendations/export', await s.as('manager', { team }));
    expect(scoped.statusCode).toBe(200);
    const ids = new Set(csvRows(scoped.body).map((r) => r.customer_id));
    expect(ids.size).toBeGreaterThan(0);
    expect([...ids].sort()).toEqual(
      [...listed.keys()].filter((id) => expected.find((c) => c.id === id)?.team === team).sort(),
    );
    expect((await get('/recommendations/export?tiers=diamond', await s.as('admin'))).statusCode).toBe(400);
  });
});
