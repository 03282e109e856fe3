import type { InboundEvent } from '../../../src/contracts/events/inbound.js';
import { partitionOf, type StreamNames } from '../../../src/stream/subjects.js';

/** Bytes published raw on an inbound partition subject (the stream stores nothing else), to be dead-lettered. */
export interface Malformed {
  readonly kind: 'malformed';
  readonly partition: number;
  /** The subject's type token, e.g. `order.created`. */
  readonly type: string;
  readonly body: Uint8Array;
  /** What its dead letter's reason says. */
  readonly reason: RegExp;
}

export const malformedSubject = (names: StreamNames, m: Malformed): string =>
  `${names.prefix}.in.${m.partition}.${m.type}`;

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A dozen malformed messages, each dead-lettered for its own reason; `sample` lends them a customer. */
export function malformedMessages(sample: InboundEvent, partitions: number): Malformed[] {
  const own = partitionOf(sample.customerId, partitions);
  const order = (data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      id: `malformed-${String(data.orderId)}`,
      type: 'order.created',
      occurredAt: sample.occurredAt,
      customerId: sample.customerId,
      data,
      ...extra,
    });
  const malformed = (
    type: string,
    body: string | Uint8Array,
    reason: RegExp,
    partition = own,
  ): Malformed => ({
    kind: 'malformed',
    partition,
    type,
    body: typeof body === 'string' ? utf8(body) : body,
    reason,
  });
  return [
    malformed('order.created', 'not json at all', /^body: not JSON/),
    malformed('order.created', '{}', /^type: is required/),
    malformed('order.created', '[1, 2, 3]', /^event: must be a JSON object/),
    malformed('order.created', new Uint8Array([0xff, 0xfe, 0x7b]), /^body: not JSON/),
    malformed('order.created', order({ orderId: 'BAD-1', amount: -1 }), /^data\.amount: -1 is negative/),
    malformed('order.created', order({ orderId: 'BAD-2', amount: 10.005 }), /more than 2 decimals/),
    malformed('order.created', order({ orderId: 'BAD-3', amout: 10 }), /data\.amout: unknown field/),
    malformed(
      'order.created',
      order({ orderId: 'BAD-4', amount: 10 }, { occurredAt: '2026-01-01T09:00:00' }),
      /^occurredAt: must be an ISO 8601 date-time with an offset/,
    ),
    malformed(
      'order.shipped',
      order({ orderId: 'BAD-5', amount: 10 }, { type: 'order.shipped' }),
      /"order\.shipped" is not an event type/,
    ),
    malformed(
      'tier.changed',
      order({ orderId: 'BAD-6', amount: 10 }, { type: 'tier.changed' }),
      /tier\.changed is an event stratum emits/,
    ),
    malformed(
      'complaint.filed',
      order({ orderId: 'BAD-7', amount: 10 }),
      /order\.created does not match the subject's complaint\.filed/,
    ),
    malformed(
      'order.created',
      order({ orderId: 'BAD-8', amount: 10 }),
      /^customerId: \S+ belongs to partition \d+, not \d+/,
      (own + 1) % partitions,
    ),
  ];
}
