import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { describeEachBus, freshBus, type BusFixture } from '../../../../test/support/buses.js';
import { listAudit } from '../../../app/accounts/audit.js';
import type { InboundEvent } from '../../../contracts/events/inbound.js';
import { parseEvent } from '../../../contracts/events/parse.js';
import type { Delivery, EventBus } from '../../../stream/bus.js';
import { sleep } from '../../../stream/wait.js';

let serial = 0;
/** A customer of its own for each test: the stream is shared by the tests of one bus. */
const newCustomer = () => `EV${++serial}`;

const order = (id: string, customerId: string, amount: unknown = 120.5) => ({
  id,
  type: 'order.created',
  occurredAt: '2026-03-01T09:30:00+08:00',
  customerId,
  data: { orderId: `SO-${id}`, amount },
});

function parsed(input: unknown): InboundEvent {
  const r = parseEvent(input);
  if (!r.ok) throw new Error(r.reason);
  return r.event;
}

/** The bus, failing every publish after the first `count` (a connection lost in the middle of a batch). */
function failingAfter(bus: EventBus, count: number): EventBus {
  let left = count;
  return {
    names: bus.names,
    publish: (event) => (left-- > 0 ? bus.publish(event) : Promise.reject(new Error('connection lost'))),
    publishRaw: (subject, bytes) => bus.publishRaw(subject, bytes),
    consume: (options) => bus.consume(options),
    deadLetters: (options) => bus.deadLetters(options),
    close: () => bus.close(),
  };
}

describeEachBus('POST /api/v1/events', (kind) => {
  let fixture: BusFixture;
  let bus: EventBus;
  let server: ApiTestServer;
  beforeAll(async () => {
    fixture = await freshBus(kind);
    bus = await fixture.open();
    server = await apiTestServer({ bus });
  });
  afterAll(async () => {
    await server?.close();
    await fixture?.dispose();
  });

  const post = async (payload: unknown, headers?: Record<string, string>) =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: headers ?? (await server.as('analyst')),
      payload: payload as object,
    });

  /**
   * What a worker receives of one customer: consumes until `count` of its events arrived, then a little longer
   * (so that a second copy would show), and stops.
   */
  async function consumed(customerId: string, count: number): Promise<[InboundEvent, Delivery][]> {
    const got: [InboundEvent, Delivery][] = [];
    const consumer = await bus.consume({
      handler: async (event, delivery) => {
        if (event.customerId === customerId) got.push([event, delivery]);
      },
    });
    try {
      await vi.waitFor(() => expect(got.length).toBeGreaterThanOrEqual(count), {
        timeout: 30_000,
        interval: 20,
      });
      await sleep(300);
    } finally {
      await consumer.stop();
    }
    return got;
  }

  it('publishes one event: 202 with its seq, and a worker receives it as parseEvent reads it', async () => {
    const customer = newCustomer();
    const event = order('single-1', customer, '99.90');
    const res = await post(event);
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body).toEqual({
      accepted: 1,
      duplicates: 0,
      events: [{ id: 'single-1', seq: expect.any(Number), duplicate: false }],
    });
    const got = await consumed(customer, 1);
    expect(got).toEqual([
      [parsed(event), expect.objectContaining({ seq: body.events[0].seq, deliveryCount: 1 })],
    ]);
  });

  it("publishes a batch in its order: one customer's events arrive in the order sent", async () => {
    const customer = newCustomer();
    const events = [
      order('batch-1', customer),
      {
        id: 'batch-2',
        type: 'refund.created',
        occurredAt: '2026-03-02T10:00:00+08:00',
        customerId: customer,
        data: { refundId: 'RF-1', orderId: 'SO-batch-1', amount: 20 },
      },
      {
        id: 'batch-3',
        type: 'order.cancelled',
        occurredAt: '2026-03-03T10:00:00+08:00',
        customerId: customer,
        data: { orderId: 'SO-batch-1' },
      },
    ];
    const res = await post({ events });
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body).toMatchObject({ accepted: 3, duplicates: 0 });
    expect(body.events.map((e: { id: string }) => e.id)).toEqual(['batch-1', 'batch-2', 'batch-3']);
    const seqs = body.events.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    const got = await consumed(customer, 3);
    expect(got.map(([e]) => e)).toEqual(events.map(parsed));
    expect(got.map(([, d]) => d.seq)).toEqual(seqs);
  });

  it('stores an id it has seen once: the repeat is a duplicate with the first seq and is consumed once', async () => {
    const customer = newCustomer();
    const event = order('dup-1', customer);
    const first = (await post(event)).json();
    const again = await post({ events: [event, order('dup-2', customer)] });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({
      accepted: 2,
      duplicates: 1,
      events: [
        { id: 'dup-1', seq: first.events[0].seq, duplicate: true },
        { id: 'dup-2', seq: expect.any(Number), duplicate: false },
      ],
    });
    const got = await consumed(customer, 2);
    expect(got.map(([e]) => e.id)).toEqual(['dup-1', 'dup-2']);
  });

  it('refuses a batch with an invalid event, naming it by index, id and field, and publishes none of it', async () => {
    const customer = newCustomer();
    const before = (await post(order('marker-1', customer))).json().events[0].seq;
    const res = await post({
      events: [
        order('bad-0', customer),
        order('bad-1', customer, -1),
        { ...order('bad-2', customer), id: undefined, occurredAt: '2026-03-01 09:30' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'EVENTS_INVALID',
      message:
        '2 of 3 events are invalid, none was published: events[1] (id bad-1): data.amount: -1 is negative; ' +
        'events[2] (no id): id: is required, occurredAt: must be an ISO 8601 date-time with an offset, e.g. ' +
        '2026-03-01T09:30:00+08:00',
      details: {
        events: [
          { index: 1, id: 'bad-1', issues: [{ field: 'data.amount', reason: '-1 is negative' }] },
          {
            index: 2,
            id: null,
            issues: [
              { field: 'id', reason: 'is required' },
              { field: 'occurredAt', reason: expect.stringMatching(/^must be an ISO 8601 date-time/) },
            ],
          },
        ],
      },
    });
    // Nothing was stored in between: the next event comes right after the one before the refused batch.
    const after = (await post(order('marker-2', customer))).json().events[0].seq;
    expect(after).toBe(before + 1);
    const got = await consumed(customer, 2);
    expect(got.map(([e]) => e.id)).toEqual(['marker-1', 'marker-2']);
  });

  it('takes a batch of 1000 events over 1 MiB, and refuses more than 1000 or none', async () => {
    const customer = newCustomer();
    // About 1.1 KB each, as a customer update with a long Chinese address: the batch is over the app's 1 MiB.
    const address = '北京市朝阳区建国路88号'.repeat(30);
    const events = Array.from({ length: 1000 }, (_, i) => ({
      id: `big-${i}`,
      type: 'customer.updated',
      occurredAt: '2026-03-01T09:30:00+08:00',
      customerId: customer,
      data: { address },
    }));
    expect(Buffer.byteLength(JSON.stringify({ events }))).toBeGreaterThan(1024 * 1024);
    const res = await post({ events });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ accepted: 1000, duplicates: 0 });

    for (const payload of [
      { events: [...events, order('big-1000', customer)] },
      { events: [] },
      [order('x', customer)],
    ]) {
      const refused = await post(payload);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: 'body: must be one event object or {"events": [...]} with 1 to 1000 events',
      });
    }
    expect(await consumed(customer, 1000)).toHaveLength(1000);
  });

  it('accepts an API key with data.import and audits each request with its count', async () => {
    const customer = newCustomer();
    const key = await server.key('analyst', ['data.import']);
    const res = await post({ events: [order('key-1', customer), order('key-2', customer)] }, key);
    expect(res.statusCode).toBe(202);
    const [entry] = await listAudit(server.engine, server.engine.dialect, {
      action: 'events.published',
      limit: 1,
    });
    expect(entry).toMatchObject({ actorKind: 'key', details: { count: 2, duplicates: 0 } });
    await consumed(customer, 2);
  });

  it('answers 401 without a caller and 403 to a role that may not write data', async () => {
    const event = order('denied-1', newCustomer());
    const anonymous = await server.app.inject({ method: 'POST', url: '/api/v1/events', payload: event });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    for (const headers of [await server.as('manager'), await server.key('integration')]) {
      const denied = await post(event, headers);
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error).toMatchObject({
        code: 'FORBIDDEN',
        details: { permission: 'data.import' },
      });
    }
  });

  it('answers 503 naming how many were published when the stream fails mid-batch; the retry is harmless', async () => {
    const customer = newCustomer();
    const events = [1, 2, 3, 4].map((i) => order(`fail-${i}`, customer));
    const flaky = await apiTestServer({ bus: failingAfter(bus, 2) });
    try {
      const res = await flaky.app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: await flaky.as('admin'),
        payload: { events },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatchObject({
        code: 'STREAM_UNAVAILABLE',
        message: expect.stringMatching(/^the event stream failed after 2 of 4 events were published/),
        details: { published: 2 },
      });
    } finally {
      await flaky.close();
    }
    const retry = await post({ events });
    expect(retry.json()).toMatchObject({ accepted: 4, duplicates: 2 });
    const got = await consumed(customer, 4);
    expect(got.map(([e]) => e.id)).toEqual(['fail-1', 'fail-2', 'fail-3', 'fail-4']);
  });
});

describe('POST /api/v1/events without an event stream', () => {
  let server: ApiTestServer;
  beforeAll(async () => {
    server = await apiTestServer();
  });
  afterAll(async () => server?.close());

  it('answers 503 STREAM_UNAVAILABLE', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: await server.as('analyst'),
      payload: order('no-bus-1', 'C1'),
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toEqual({
      code: 'STREAM_UNAVAILABLE',
      message: 'this server runs without an event stream',
      details: { published: 0 },
    });
  });
});
