import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { describeEachEngine } from '../../../../test/support/engines.js';

describeEachEngine('webhooks API', (kind) => {
  let s: ApiTestServer;
  let admin: Record<string, string>;

  beforeAll(async () => {
    s = await apiTestServer({ engine: kind });
    admin = await s.as('admin');
  });
  afterAll(async () => s?.close());

  const create = (headers: Record<string, string>, payload: Record<string, unknown>) =>
    s.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers, payload });

  /** Outbox rows written directly, as a run would (statuses chosen for the test). */
  async function seedDeliveries(subscriptionId: string, statuses: readonly string[]) {
    for (const [i, status] of statuses.entries())
      await s.engine.run({
        sql: `INSERT INTO webhook_deliveries (delivery_id, subscription_id, event_type, payload, status, attempts, next_attempt_at, last_status_code, last_error, created_at)
            VALUES ($1, $2, 'run.completed', $3, $4, $5, now(), $6, $7, CAST($8 AS TIMESTAMPTZ))`,
        params: [
          `dlv_${subscriptionId}_${i}`,
          subscriptionId,
          JSON.stringify({ id: `evt_${i}`, type: 'run.completed', data: {} }),
          status,
          status === 'dead' ? 8 : status === 'delivered' ? 1 : 0,
          status === 'dead' ? 503 : null,
          status === 'dead' ? 'HTTP 503' : null,
          new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
        ],
      });
  }

  describe('webhook subscriptions API', () => {
    it('lets integration keys and admins manage webhooks, and no one else', async () => {
      const body = { url: 'https://crm.example.com/hooks', events: ['tier.changed'] };
      expect((await create(await s.key('integration'), body)).statusCode).toBe(201);
      expect((await create(admin, body)).statusCode).toBe(201);
      for (const headers of [
        await s.as('analyst'),
        await s.as('viewer'),
        await s.key('integration', ['tiers.lookup']),
      ])
        expect((await create(headers, body)).statusCode).toBe(403);
      expect((await create({}, body)).statusCode).toBe(401);
      expect(
        (await s.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: await s.as('analyst') }))
          .statusCode,
      ).toBe(403);
    });

    it('shows the secret once, lists subscriptions without it, and audits the creation', async () => {
      const res = await create(admin, {
        url: 'http://10.1.2.3:8080/erp',
        events: ['run.completed', 'tag.added', 'run.completed'],
      });
      expect(res.statusCode).toBe(201);
      const created = res.json() as { id: string; secret: string; events: string[] };
      expect(created.secret).toMatch(/^whsec_/);
      expect(created.events).toEqual(['run.completed', 'tag.added']);
      const list = await s.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: admin });
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(created.secret);
      expect(list.body).not.toContain('"secret"');
      const item = list.json().items.find((i: { id: string }) => i.id === created.id);
      expect(item).toMatchObject({
        url: 'http://10.1.2.3:8080/erp',
        enabled: true,
        deliveries: { pending: 0, delivered: 0, dead: 0 },
      });
      const audit = await s.app.inject({ method: 'GET', url: '/api/v1/audit?limit=1000', headers: admin });
      expect(audit.json().items).toContainEqual(
        expect.objectContaining({ action: 'webhook.created', target: created.id }),
      );
    });

    it('refuses URLs that are not http(s), and unknown or missing event types, naming the field', async () => {
      for (const url of [
        'ftp://crm.example.com/x',
        'file:///etc/passwd',
        'not a url',
        'https://u:p@crm.example.com/',
      ]) {
        const res = await create(admin, { url, events: ['tier.changed'] });
        expect(res.statusCode).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'url' } });
      }
      expect((await create(admin, { url: 'https://crm.example.com/', events: [] })).statusCode).toBe(400);
      expect(
        (await create(admin, { url: 'https://crm.example.com/', events: ['tier.moved'] })).statusCode,
      ).toBe(400);
    });

    it('pages the delivery log by status, retries only dead deliveries, and deletes a subscription with its log', async () => {
      const { id } = (
        await create(admin, { url: 'https://crm.example.com/log', events: ['run.completed'] })
      ).json();
      await seedDeliveries(id, ['delivered', 'dead', 'pending', 'dead', 'delivered']);
      const get = (query: string) =>
        s.app.inject({ method: 'GET', url: `/api/v1/webhooks/${id}/deliveries${query}`, headers: admin });

      const dead = await get('?status=dead');
      expect(dead.statusCode).toBe(200);
      expect(dead.json().items.map((d: { id: string }) => d.id)).toEqual([`dlv_${id}_3`, `dlv_${id}_1`]);
      expect(dead.json().items[0]).toMatchObject({ status: 'dead', attempts: 8, lastError: 'HTTP 503' });

      const page1 = (await get('?limit=2')).json();
      const page2 = (await get(`?limit=2&cursor=${page1.nextCursor}`)).json();
      const page3 = (await get(`?limit=2&cursor=${page2.nextCursor}`)).json();
      expect([...page1.items, ...page2.items, ...page3.items].map((d: { id: string }) => d.id)).toEqual(
        [4, 3, 2, 1, 0].map((i) => `dlv_${id}_${i}`),
      );
      expect(page3.nextCursor).toBeNull();
      expect((await get('?status=lost')).statusCode).toBe(400);
      expect((await get('?cursor=garbage')).statusCode).toBe(400);
      expect(
        (await s.app.inject({ method: 'GET', url: '/api/v1/webhooks/whk_nope/deliveries', headers: admin }))
          .statusCode,
      ).toBe(404);

      const retry = (deliveryId: string) =>
        s.app.inject({
          method: 'POST',
          url: `/api/v1/webhooks/deliveries/${deliveryId}/retry`,
          headers: admin,
        });
      const retried = await retry(`dlv_${id}_1`);
      expect(retried.statusCode).toBe(200);
      expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0, lastError: 'HTTP 503' });
      expect((await retry(`dlv_${id}_0`)).json().error.code).toBe('CONFLICT');
      expect((await retry('dlv_nope')).statusCode).toBe(404);

      const del = await s.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${id}`, headers: admin });
      expect(del.statusCode).toBe(204);
      const left = await s.engine.all({
        sql: `SELECT count(*) AS n FROM webhook_deliveries WHERE subscription_id = $1`,
        params: [id],
      });
      expect(Number(left[0]!.n)).toBe(0);
      expect(
        (await s.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${id}`, headers: admin })).statusCode,
      ).toBe(404);
    });

    it('documents its routes in the OpenAPI document', async () => {
      const doc = (await s.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/webhooks/',
          '/api/v1/webhooks/{id}',
          '/api/v1/webhooks/{id}/deliveries',
          '/api/v1/webhooks/deliveries/{id}/retry',
        ]),
      );
    });
  });
});
