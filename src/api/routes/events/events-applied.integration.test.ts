import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { freshBus, type BusFixture } from '../../../../test/support/buses.js';
import { describeEachEngine, TEST_TZ } from '../../../../test/support/engines.js';
import { startWorker, type RunningWorker } from '../../../app/stream/worker.js';
import { isoDateIn } from '../../../contracts/time/zoned-time.js';
import { sleep } from '../../../stream/wait.js';

/**
 * The embedded mode end to end: an event posted to the API goes through the in-process bus to the server's
 * worker, and the customer's page shows the stream's decision and its cause.
 */
describeEachEngine('events posted to the API are applied by the embedded worker', (kind) => {
  let server: ApiTestServer;
  let fixture: BusFixture;
  let worker: RunningWorker;
  let customerId: string;
  beforeAll(async () => {
    fixture = await freshBus('in-process');
    const bus = await fixture.open();
    server = await apiTestServer({ engine: kind, bus, demo: { customers: 150, months: 4, weeks: 1 } });
    worker = await startWorker({ engine: server.engine, bus, timeZone: TEST_TZ });
    const [calm] = await server.engine.all(
      `SELECT s.customer_id FROM tier_snapshots s WHERE s.tier IS NOT NULL
         AND s.customer_id NOT IN (SELECT customer_id FROM tier_snapshots WHERE 'high_risk' = ANY(tags))
       ORDER BY s.customer_id LIMIT 1`.replace(
        "'high_risk' = ANY(tags)",
        kind === 'postgres' ? "'high_risk' = ANY(tags)" : "list_contains(tags, 'high_risk')",
      ),
    );
    customerId = String(calm!.customer_id);
  });
  afterAll(async () => {
    await worker.stop();
    await server.close();
    await fixture.dispose();
  });

  it('turns a dispute into a high-risk tag on the customer’s page, with the event as the cause', async () => {
    const headers = await server.key('admin');
    const today = isoDateIn(TEST_TZ, Date.now());
    const posted = await server.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers,
      payload: {
        id: 'api-dispute-1',
        type: 'dispute.opened',
        occurredAt: `${today}T08:00:00+08:00`,
        customerId,
        data: { disputeId: 'API-D-1', amount: 12000 },
      },
    });
    expect(posted.statusCode).toBe(202);

    let detail: { live: { tags: string[]; causeEventId: string } | null; history: unknown[] } | undefined;
    for (let i = 0; i < 100 && !detail?.live; i++) {
      await sleep(100);
      const r = await server.app.inject({ url: `/api/v1/customers/${customerId}`, headers });
      expect(r.statusCode, r.body).toBe(200);
      detail = r.json();
    }
    expect(detail?.live).toMatchObject({
      tags: expect.arrayContaining(['high_risk']),
      causeEventId: 'api-dispute-1',
    });
    expect(detail?.history[0]).toMatchObject({ source: 'stream', causeEventId: 'api-dispute-1' });
    const outbound = await fixture.outbound();
    expect(outbound.map((m) => m.body)).toContainEqual(
      expect.objectContaining({
        type: 'tag.added',
        causedBy: 'api-dispute-1',
        data: expect.objectContaining({ customerId, tag: 'high_risk' }),
      }),
    );
  });
});
