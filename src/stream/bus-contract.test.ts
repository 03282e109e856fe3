import { afterEach, expect, it } from 'vitest';
import { describeEachBus, freshBus, type BusFixture } from '../../test/support/buses.js';
import type { InboundEvent } from '../contracts/events/inbound.js';
import type { OutboundEvent } from '../contracts/events/outbound.js';
import { parseEvent, parseOutboundEvent } from '../contracts/events/parse.js';
import type { DeadLetter, Delivery, EventBus } from './bus.js';
import { inboundSubject, partitionOf } from './subjects.js';
import { sleep } from './wait.js';

let seq = 0;
/** An order.created event of a customer; ids are unique across the file. */
function order(customerId: string, amount = 100): InboundEvent {
  const r = parseEvent({
    id: `evt-${++seq}`,
    type: 'order.created',
    occurredAt: '2026-03-01T09:30:00+08:00',
    customerId,
    data: { orderId: `O${seq}`, amount },
  });
  if (!r.ok) throw new Error(r.reason);
  return r.event;
}

/** `count` events spread over `customers` customers, interleaved (C0, C1, …, C0, C1, …). */
const stream = (count: number, customers: number) =>
  Array.from({ length: count }, (_, i) => order(`C${i % customers}`, i));

async function waitFor(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const encode = (s: string) => new TextEncoder().encode(s);

interface Handled {
  readonly id: string;
  readonly customerId: string;
  readonly delivery: Delivery;
  readonly by: string;
}

describeEachBus('event bus', (kind) => {
  let fixture: BusFixture;
  let bus: EventBus;

  const setup = async (partitions = 4) => {
    fixture = await freshBus(kind, { partitions });
    bus = await fixture.open();
  };

  afterEach(async () => {
    await fixture?.dispose();
  });

  /** A handler that records what it applied, with a delay and a hook to fail or hang. */
  function recorder(by: string, log: Handled[], options: { delayMs?: () => number } = {}) {
    return async (event: InboundEvent, delivery: Delivery) => {
      const ms = options.delayMs?.() ?? 0;
      if (ms > 0) await sleep(ms);
      log.push({ id: event.id, customerId: event.customerId, delivery, by });
    };
  }

  const publishAll = async (events: readonly InboundEvent[]) => {
    for (const e of events) await bus.publish(e);
  };
  const ids = (log: readonly Handled[]) => log.map((h) => h.id);

  it('delivers every published event to the handler once and does not deliver acked events again', async () => {
    await setup();
    const events = stream(20, 5);
    await publishAll(events);
    const log: Handled[] = [];
    await bus.consume({ handler: recorder('a', log), concurrency: 4 });
    await waitFor('20 events', () => log.length >= 20);
    expect(new Set(ids(log))).toEqual(new Set(events.map((e) => e.id)));
    expect(log.every((h) => h.delivery.deliveryCount === 1)).toBe(true);
    await sleep(fixture.policy.ackWaitMs + 500); // past ack_wait: nothing comes back
    expect(log).toHaveLength(20);
  });

  it('does not deliver again an event whose handler takes longer than ack_wait but is alive', async () => {
    await setup();
    const events = stream(4, 2);
    await publishAll(events);
    const log: Handled[] = [];
    const slow = events[0]!.id;
    const starts: string[] = [];
    await bus.consume({
      concurrency: 2,
      handler: async (event, delivery) => {
        starts.push(event.id);
        await recorder('a', log, { delayMs: () => (event.id === slow ? fixture.policy.ackWaitMs * 2 : 0) })(
          event,
          delivery,
        );
      },
    });
    await waitFor('4 events', () => log.length >= 4, fixture.policy.ackWaitMs * 4);
    await sleep(fixture.policy.ackWaitMs);
    expect(starts.filter((id) => id === slow)).toEqual([slow]);
    expect(log.every((h) => h.delivery.deliveryCount === 1)).toBe(true);
  });

  it('hands the handler the parsed event with its defaults and the delivery', async () => {
    await setup();
    const event = order('C1', 12.5);
    const ack = await bus.publish(event);
    expect(ack).toMatchObject({
      duplicate: false,
      subject: inboundSubject(fixture.names, 'order.created', partitionOf('C1', 4)),
    });
    const got: [InboundEvent, Delivery][] = [];
    await bus.consume({ handler: async (e, d) => void got.push([e, d]) });
    await waitFor('the event', () => got.length === 1);
    expect(got[0]).toEqual([event, { subject: ack.subject, seq: ack.seq, deliveryCount: 1 }]);
  });

  it('dead-letters malformed messages with the reason and goes on with the stream', async () => {
    await setup();
    const c1 = partitionOf('C1', 4);
    const subject = inboundSubject(fixture.names, 'order.created', c1);
    const bad = { ...order('C1'), data: { orderId: 'O-bad', amount: -5 } };
    await bus.publishRaw(subject, encode('{not json'));
    await bus.publishRaw(subject, encode(JSON.stringify(bad)));
    await bus.publishRaw(
      inboundSubject(fixture.names, 'order.created', (c1 + 1) % 4),
      encode(JSON.stringify(order('C1'))),
    );
    await bus.publishRaw(
      inboundSubject(fixture.names, 'order.cancelled', c1),
      encode(JSON.stringify(order('C1'))),
    );
    const good = order('C1');
    await bus.publish(good);

    const log: Handled[] = [];
    const announced: DeadLetter[] = [];
    await bus.consume({ handler: recorder('a', log), onDeadLetter: (d) => void announced.push(d) });
    await waitFor('the good event', () => log.length === 1);
    expect(ids(log)).toEqual([good.id]);

    // Partitions are applied in parallel: dead letters of different partitions come in any order.
    const letters = await bus.deadLetters();
    expect(letters.map((d) => d.reason).sort()).toEqual([
      expect.stringMatching(/^body: not JSON \(/),
      `customerId: C1 belongs to partition ${c1}, not ${(c1 + 1) % 4}`,
      'data.amount: -5 is negative',
      "type: order.created does not match the subject's order.cancelled",
    ]);
    expect(letters.find((d) => d.reason.startsWith('body:'))).toMatchObject({
      subject,
      body: '{not json',
      deliveries: 1,
    });
    expect(letters.map((d) => d.deadSeq)).toEqual([...letters.map((d) => d.deadSeq)].sort((a, b) => a - b));
    expect(announced.map((d) => d.reason).sort()).toEqual(letters.map((d) => d.reason).sort());

    // Pages: afterSeq is the last deadSeq read.
    const first = await bus.deadLetters({ limit: 3 });
    expect(first).toHaveLength(3);
    expect(await bus.deadLetters({ afterSeq: first[2]?.deadSeq ?? 0 })).toEqual([letters[3]]);
  });

  it('redelivers an event whose handler threw and applies it before the customer’s next events', async () => {
    await setup();
    const [e1, e2, e3] = [order('C1'), order('C1'), order('C1')];
    const other = order('C2');
    await publishAll([e1!, e2!, e3!, other]);
    const attempts: string[] = [];
    const applied: Handled[] = [];
    await bus.consume({
      concurrency: 4,
      handler: async (event, delivery) => {
        attempts.push(`${event.id}#${delivery.deliveryCount}`);
        if (event.id === e2!.id && delivery.deliveryCount === 1) throw new Error('database busy');
        applied.push({ id: event.id, customerId: event.customerId, delivery, by: 'a' });
      },
    });
    await waitFor('4 events', () => applied.length === 4);
    expect(ids(applied.filter((h) => h.customerId === 'C1'))).toEqual([e1!.id, e2!.id, e3!.id]);
    expect(attempts.filter((a) => !a.startsWith(other.id))).toEqual([
      `${e1!.id}#1`,
      `${e2!.id}#1`,
      `${e2!.id}#2`,
      `${e3!.id}#1`,
    ]);
  });

  it('dead-letters an event whose handler fails maxDeliver times, then goes on', async () => {
    await setup();
    const [poison, next] = [order('C1'), order('C1')];
    await publishAll([poison!, next!]);
    const attempts: number[] = [];
    const log: Handled[] = [];
    await bus.consume({
      handler: async (event, delivery) => {
        if (event.id === poison!.id) {
          attempts.push(delivery.deliveryCount);
          throw new Error('boom');
        }
        log.push({ id: event.id, customerId: event.customerId, delivery, by: 'a' });
      },
    });
    await waitFor('the next event', () => log.length === 1);
    expect(attempts).toEqual([1, 2, 3]);
    expect(ids(log)).toEqual([next!.id]);
    expect(await bus.deadLetters()).toMatchObject([
      { reason: 'handler failed 3 times: boom', deliveries: 3 },
    ]);
  });

  it('loses nothing when a worker dies mid-stream: its unacked events go to the next worker', async () => {
    await setup();
    const events = stream(30, 6);
    const hanging = events[7]!;
    await publishAll(events);
    const log: Handled[] = [];
    let hung = false;
    await bus.consume({
      concurrency: 2,
      handler: async (event, delivery) => {
        if (event.id === hanging.id) {
          hung = true;
          await new Promise(() => {}); // the worker is stuck here when it dies
        }
        await recorder('a', log)(event, delivery);
      },
    });
    await waitFor('the hanging event and 10 others', () => hung && log.length >= 10);
    await bus.close(); // a crash: no ack for what was running

    const next = await fixture.open();
    await next.consume({ handler: recorder('b', log), concurrency: 2 });
    await waitFor('every event', () => new Set(ids(log)).size === 30);
    const retried = log.find((h) => h.id === hanging.id);
    expect(retried).toMatchObject({ by: 'b' });
    expect(retried?.delivery.deliveryCount).toBeGreaterThanOrEqual(2);
  });

  it('hands over without loss or repetition when a worker stops gracefully', async () => {
    await setup();
    const events = stream(40, 8);
    await publishAll(events);
    const log: Handled[] = [];
    const first = await bus.consume({ handler: recorder('a', log, { delayMs: () => 10 }), concurrency: 2 });
    await waitFor('10 events', () => log.length >= 10);
    await first.stop();
    const handledByFirst = log.length;

    const second = await fixture.open();
    await second.consume({ handler: recorder('b', log), concurrency: 2 });
    await waitFor('every event', () => new Set(ids(log)).size === 40);
    expect(log).toHaveLength(40);
    expect(log.slice(0, handledByFirst).every((h) => h.by === 'a')).toBe(true);
    expect(log.slice(handledByFirst).every((h) => h.by === 'b')).toBe(true);
  });

  it('keeps each customer’s order with concurrency > 1', async () => {
    await setup(4);
    const events = stream(120, 8);
    await publishAll(events);
    const log: Handled[] = [];
    let running = 0;
    let maxRunning = 0;
    await bus.consume({
      concurrency: 8,
      handler: async (event, delivery) => {
        maxRunning = Math.max(maxRunning, ++running);
        await sleep(Math.random() * 4);
        log.push({ id: event.id, customerId: event.customerId, delivery, by: 'a' });
        running -= 1;
      },
    });
    await waitFor('120 events', () => log.length === 120);
    for (let c = 0; c < 8; c++) {
      const customer = `C${c}`;
      expect(ids(log.filter((h) => h.customerId === customer))).toEqual(
        events.filter((e) => e.customerId === customer).map((e) => e.id),
      );
    }
    expect(maxRunning).toBeGreaterThan(1);
  });

  it('shares one durable between two workers, each event handled by exactly one of them', async () => {
    await setup();
    const other = await fixture.open();
    const log: Handled[] = [];
    await bus.consume({ handler: recorder('a', log, { delayMs: () => 2 }), concurrency: 2 });
    await other.consume({ handler: recorder('b', log, { delayMs: () => 2 }), concurrency: 2 });
    const events = stream(80, 16);
    await publishAll(events);
    await waitFor('80 events', () => log.length >= 80);
    await sleep(200);
    expect(log).toHaveLength(80);
    expect(new Set(ids(log)).size).toBe(80);
    expect(log.some((h) => h.by === 'a')).toBe(true);
    expect(log.some((h) => h.by === 'b')).toBe(true);
  });

  it('stores an event published twice within the duplicate window once', async () => {
    await setup();
    const event = order('C1');
    const firstAck = await bus.publish(event);
    const again = await bus.publish(event);
    expect(again).toEqual({ ...firstAck, duplicate: true });
    const sentinel = order('C1');
    await bus.publish(sentinel);
    const log: Handled[] = [];
    await bus.consume({ handler: recorder('a', log) });
    await waitFor('the sentinel', () => ids(log).includes(sentinel.id));
    expect(ids(log)).toEqual([event.id, sentinel.id]);
  });

  it('refuses subjects outside the stream', async () => {
    await setup();
    await expect(bus.publishRaw('elsewhere.order.created', encode('{}'))).rejects.toThrow();
    await expect(
      bus.publishRaw(`${fixture.names.prefix}.in.4.order.created`, encode('{}')), // partitions 0–3
    ).rejects.toThrow();
  });

  it('publishes outbound events on their out subject', async () => {
    await setup();
    const event: OutboundEvent = {
      version: 1,
      id: 'out-1',
      type: 'tier.changed',
      occurredAt: '2026-03-01T01:30:00.000Z',
      customerId: 'C1',
      causedBy: 'evt-1',
      data: {
        customerId: 'C1',
        from: 'gold',
        to: 'platinum',
        reason: 'quota',
        runId: 'run-1',
        asOf: '2026-03-01',
      },
    };
    await bus.publish(event);
    const stored = await fixture.outbound();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.subject).toBe(`${fixture.names.prefix}.out.tier.changed`);
    expect(parseOutboundEvent(stored[0]?.body)).toEqual({ ok: true, event });
  });
});
