import type { InboundEvent } from '../contracts/events/inbound.js';
import { parseEvent, type EventParseResult } from '../contracts/events/parse.js';
import type { Delivery, DeliveryPolicy, EventHandler } from './bus.js';
import { parseInboundSubject, partitionOf, type StreamNames } from './subjects.js';

/**
 * What both buses do with one delivered message, apart from talking to their store: decode and validate it,
 * run the handler, and decide how to settle it. The buses only carry out the outcome (ack, nak, dead-letter).
 */
export type Outcome =
  | { readonly kind: 'ack' }
  | { readonly kind: 'nak'; readonly delayMs: number; readonly error: unknown }
  | { readonly kind: 'dead'; readonly reason: string };

export interface RawDelivery extends Delivery {
  readonly data: Uint8Array;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The event in a message, checked against its subject: the type must be the subject's and the customer must
 * belong to the subject's partition (else its order with the customer's other events would not hold).
 */
export function decodeMessage(
  names: StreamNames,
  subject: string,
  data: Uint8Array,
): EventParseResult<InboundEvent> {
  const fail = (field: string, reason: string): EventParseResult<never> => ({
    ok: false,
    reason: `${field}: ${reason}`,
    issues: [{ field, reason }],
  });
  const route = parseInboundSubject(names, subject);
  if (!route) return fail('subject', `${subject} is not an inbound subject of ${names.prefix}`);
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(data));
  } catch (error) {
    return fail('body', `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = parseEvent(json);
  if (!parsed.ok) return parsed;
  const { event } = parsed;
  if (event.type !== route.type)
    return fail('type', `${event.type} does not match the subject's ${route.type}`);
  const partition = partitionOf(event.customerId, names.partitions);
  if (partition !== route.partition)
    return fail(
      'customerId',
      `${event.customerId} belongs to partition ${partition}, not ${route.partition}`,
    );
  return parsed;
}

/** The delay before redelivery after the n-th failed delivery: nakDelayMs, doubling, at most maxNakDelayMs. */
export const nakDelayMs = (policy: DeliveryPolicy, deliveryCount: number): number =>
  Math.min(policy.nakDelayMs * 2 ** Math.max(0, deliveryCount - 1), policy.maxNakDelayMs);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs `work` while telling the bus every third of the ack wait that the message is still being worked on
 * (JetStream's `+WPI`): ack_wait then detects a dead worker, not a slow batch, so a long transaction is not
 * delivered to someone else meanwhile (nor dead-lettered after maxDeliver such redeliveries).
 */
export async function withHeartbeat<T>(
  policy: DeliveryPolicy,
  beat: () => void,
  work: () => Promise<T>,
): Promise<T> {
  const timer = setInterval(
    () => {
      try {
        beat();
      } catch {
        // A connection lost meanwhile: the message comes back after ack_wait, which is what a lost worker means.
      }
    },
    Math.max(50, Math.floor(policy.ackWaitMs / 3)),
  );
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/** Runs the handler on one message and says how to settle it (see ConsumeOptions in bus.ts). */
export async function processMessage(
  names: StreamNames,
  policy: DeliveryPolicy,
  message: RawDelivery,
  handler: EventHandler,
): Promise<Outcome> {
  const n = message.deliveryCount;
  if (n > policy.maxDeliver)
    return {
      kind: 'dead',
      reason: `delivered ${n} times without an outcome (the consumer died or timed out each time)`,
    };
  const decoded = decodeMessage(names, message.subject, message.data);
  if (!decoded.ok) return { kind: 'dead', reason: decoded.reason };
  try {
    await handler(decoded.event, { subject: message.subject, seq: message.seq, deliveryCount: n });
    return { kind: 'ack' };
  } catch (error) {
    if (n >= policy.maxDeliver)
      return { kind: 'dead', reason: `handler failed ${n} times: ${messageOf(error)}` };
    return { kind: 'nak', delayMs: nakDelayMs(policy, n), error };
  }
}

/** The bytes `publish` stores: the event as JSON. */
export const encodeEvent = (event: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(event));

/** A reason fit for a header: one line, at most 1000 characters. */
export const headerSafe = (reason: string): string => reason.replace(/[\r\n]+/g, ' ').slice(0, 1000);

/** The body of a dead letter as text (a body that is not UTF-8 shows replacement characters). */
export const bodyText = (data: Uint8Array): string => new TextDecoder('utf-8').decode(data);
