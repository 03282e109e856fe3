import { describe, expect, it } from 'vitest';
import { parseEvent } from '../contracts/events/parse.js';
import { DEFAULT_DELIVERY_POLICY, type EventHandler } from './bus.js';
import { decodeMessage, encodeEvent, headerSafe, nakDelayMs, processMessage } from './delivery.js';
import { streamNames, subjectFor } from './subjects.js';

const names = streamNames({ partitions: 8 });
const policy = { ...DEFAULT_DELIVERY_POLICY, maxDeliver: 3, nakDelayMs: 100, maxNakDelayMs: 300 };
const parsed = parseEvent({
  id: 'e1',
  type: 'order.cancelled',
  occurredAt: '2026-03-01T09:30:00Z',
  customerId: 'C1',
  data: { orderId: 'O1' },
});
if (!parsed.ok) throw new Error(parsed.reason);
const event = parsed.event;
const subject = subjectFor(names, 'order.cancelled', 'C1');
const message = (deliveryCount: number, data = encodeEvent(event)) => ({
  subject,
  seq: 9,
  deliveryCount,
  data,
});
const ok: EventHandler = async () => {};
const failing: EventHandler = async () => {
  throw new Error('db down');
};

describe('processMessage', () => {
  it('acks after the handler resolved, with the parsed event and the delivery', async () => {
    const seen: unknown[] = [];
    const outcome = await processMessage(names, policy, message(1), async (e, d) => void seen.push(e, d));
    expect(outcome).toEqual({ kind: 'ack' });
    expect(seen).toEqual([event, { subject, seq: 9, deliveryCount: 1 }]);
  });

  it('naks a failure with a doubling delay, then dead-letters it at maxDeliver', async () => {
    expect(await processMessage(names, policy, message(1), failing)).toMatchObject({
      kind: 'nak',
      delayMs: 100,
    });
    expect(await processMessage(names, policy, message(2), failing)).toMatchObject({
      kind: 'nak',
      delayMs: 200,
    });
    expect(await processMessage(names, policy, message(3), failing)).toEqual({
      kind: 'dead',
      reason: 'handler failed 3 times: db down',
    });
    expect([1, 2, 3, 4].map((n) => nakDelayMs(policy, n))).toEqual([100, 200, 300, 300]);
  });

  it('dead-letters without running the handler what was delivered more than maxDeliver times', async () => {
    let ran = false;
    const outcome = await processMessage(names, policy, message(4), async () => void (ran = true));
    expect(outcome).toMatchObject({
      kind: 'dead',
      reason: expect.stringMatching(/^delivered 4 times without an outcome/),
    });
    expect(ran).toBe(false);
  });

  it('dead-letters what is not a valid event, with the reason', async () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(await processMessage(names, policy, message(1, new Uint8Array([0xff, 0xfe])), ok)).toMatchObject({
      kind: 'dead',
      reason: expect.stringMatching(/^body: not JSON/),
    });
    expect(
      await processMessage(names, policy, message(1, bytes('{"type":"order.cancelled"}')), ok),
    ).toMatchObject({
      kind: 'dead',
      reason: expect.stringContaining('id: is required'),
    });
  });
});

describe('decodeMessage', () => {
  it('checks the event against the subject it came on', () => {
    expect(decodeMessage(names, 'elsewhere', encodeEvent(event))).toMatchObject({
      ok: false,
      reason: 'subject: elsewhere is not an inbound subject of stratum.events',
    });
    expect(decodeMessage(names, subject, encodeEvent(event))).toEqual({ ok: true, event });
  });

  it('keeps header values on one line', () => {
    expect(headerSafe('a\r\nb\nc')).toBe('a b c');
    expect(headerSafe('x'.repeat(2000))).toHaveLength(1000);
  });
});
