import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { describeEachEngine, TEST_TZ } from '../../../../test/support/engines.js';
import { defaultAsOf } from '../../../app/jobs/default-as-of.js';
import { purchaseProfile } from '../../../app/profiles/purchase-profile.js';
import { PurchaseProfileSchema } from '../../../contracts/profiles/purchase-profile.js';
import { addDays } from '../../../contracts/time/iso-date.js';

describeEachEngine('GET /customers/:id/profile', (kind) => {
  let s: ApiTestServer;
  let admin: Record<string, string>;
  /** The customer with the most completed orders, its owner, and the day of its last order. */
  let id: string;
  let repId: string;
  let asOf: string;

  const get = (url: string, headers: Record<string, string>) =>
    s.app.inject({ method: 'GET', url: `/api/v1/customers/${url}`, headers });

  beforeAll(async () => {
    s = await apiTestServer({ demo: { customers: 100, months: 3, weeks: 0 }, engine: kind });
    admin = await s.as('admin');
    const [top] = await s.engine.all(
      `SELECT o.customer_id, w.rep_id, CAST(max(o.ordered_at) AS DATE) AS last_day
       FROM orders_clean o JOIN customer_owners_clean w ON w.customer_id = o.customer_id
       WHERE o.status = 'completed'
       GROUP BY o.customer_id, w.rep_id ORDER BY count(*) DESC, o.customer_id LIMIT 1`,
    );
    id = String(top?.customer_id);
    repId = String(top?.rep_id);
    asOf = String(top?.last_day);
  });
  afterAll(async () => s?.close());

  it('answers the profile of the use case, whose totals a plain query over the cleaned orders confirms', async () => {
    const res = await get(`${id}/profile?asOf=${asOf}&days=60`, admin);
    expect(res.statusCode, res.body).toBe(200);
    const profile = PurchaseProfileSchema.parse(res.json());
    expect(profile).toEqual(await purchaseProfile(s.engine, { customerId: id, asOf, days: 60 }));

    const from = addDays(asOf, -59);
    const [totals] = await s.engine.all(
      `SELECT count(DISTINCT o.order_id) AS orders, count(*) AS lines,
              sum(l.quantity * l.unit_price - COALESCE(l.discount, 0)) AS net
       FROM orders_clean o JOIN order_lines_clean l ON l.order_id = o.order_id
       WHERE o.customer_id = '${id}' AND o.status = 'completed'
         AND o.ordered_at >= CAST(DATE '${from}' AS TIMESTAMPTZ)
         AND o.ordered_at < CAST(DATE '${addDays(asOf, 1)}' AS TIMESTAMPTZ)`,
    );
    expect(profile.window).toEqual({ days: 60, from, to: asOf });
    expect(profile.orders).toBeGreaterThan(0);
    expect(profile).toMatchObject({ orders: totals?.orders, lines: totals?.lines });
    expect(profile.netAmount).toBeCloseTo(Number(totals?.net), 2);
    const shares = profile.categories.reduce((sum, c) => sum + (c.share ?? 0), 0);
    expect(shares).toBeCloseTo(1, 9);
    expect(profile.rhythm.byWeekday.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('defaults to a year up to yesterday in the server zone', async () => {
    const res = await get(`${id}/profile`, admin);
    expect(res.statusCode, res.body).toBe(200);
    const to = defaultAsOf(TEST_TZ, new Date());
    expect(res.json().window).toEqual({ days: 365, from: addDays(to, -364), to });
  });

  it('is scoped like the customer: its rep sees it, another rep does not, a viewer sees no rows', async () => {
    expect((await get(`${id}/profile`, await s.as('rep', { repId }))).statusCode).toBe(200);
    const other = await get(`${id}/profile`, await s.as('rep', { repId: 'R-nobody' }));
    expect(other.statusCode).toBe(404);
    expect(other.json().error.details).toEqual({ what: 'customer', id });
    expect((await get(`${id}/profile`, await s.as('viewer'))).statusCode).toBe(403);
    expect((await s.app.inject({ method: 'GET', url: `/api/v1/customers/${id}/profile` })).statusCode).toBe(
      401,
    );
  });

  it('is 404 for an unknown customer and 400 for a window out of range', async () => {
    expect((await get('NOPE/profile', admin)).statusCode).toBe(404);
    const bad = await get(`${id}/profile?days=3`, admin);
    expect(bad.statusCode).toBe(400);
    expect((await get(`${id}/profile?asOf=2025-02-30`, admin)).statusCode).toBe(400);
  });

  it('is in the OpenAPI document with its parameters', async () => {
    const doc = (await s.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    const params = doc.paths['/api/v1/customers/{id}/profile']?.get?.parameters?.map((p) => p.name);
    expect(params).toEqual(expect.arrayContaining(['id', 'asOf', 'days']));
  });
});
