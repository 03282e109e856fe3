import type { InboundEvent, InboundEventType } from '../contracts/events/inbound.js';
import {
  isOutboundEventType,
  type OutboundEvent,
  type OutboundEventType,
} from '../contracts/events/outbound.js';

/**
 * The one place that names the stream, its subjects and the durable consumer (STYLE.md habit 10). Both buses
 * (NATS JetStream and in-process) use these names; tests give a prefix of their own.
 *
 *   <prefix>.in.<partition>.<type>   events stratum consumes, e.g. stratum.events.in.7.order.created
 *   <prefix>.dead                    dead letters: what could not be applied, with the reason in a header
 *   <prefix>.out.<type>              events stratum emits, e.g. stratum.events.out.tier.changed
 *
 * Ordering. Events of one customer must be applied in the order they were published, also when several workers
 * pull from one durable consumer; JetStream keeps stream order but hands consecutive messages to different
 * pullers. So a customer's events go to one of PARTITIONS subjects (partitionOf: FNV-1a of the customer id), each
 * partition has its own durable consumer, and each allows ONE unacknowledged message (max_ack_pending 1): the
 * next event of a partition is delivered only after the previous one was acked, whichever worker holds it.
 * A failing event blocks its partition (1/PARTITIONS of the customers) until it succeeds or is dead-lettered,
 * which is what keeps the order. Parallelism is up to PARTITIONS events at once, shared by the workers.
 * Changing the partition count re-maps customers: change it only when the stream is drained.
 */

/** The JetStream stream holding all three kinds of subject. */
export const EVENT_STREAM = 'STRATUM_EVENTS';
export const SUBJECT_PREFIX = 'stratum.events';
/** Base name of the durable consumers; partition p's is `${DURABLE_CONSUMER}-p${p}`. */
export const DURABLE_CONSUMER = 'stratum-worker';
/** Partitions of the inbound subjects: the most events being applied at once, across all workers. */
export const PARTITIONS = 128;

/** Header names on dead letters (and the dedup header JetStream reads). */
export const HEADERS = {
  /** Why the message is dead, e.g. `data.amount: -1 is negative`. */
  reason: 'Stratum-Dead-Reason',
  /** The subject the message was published on. */
  subject: 'Stratum-Dead-Subject',
  /** Its sequence in the stream. */
  seq: 'Stratum-Dead-Seq',
  /** How many times it had been delivered. */
  deliveries: 'Stratum-Dead-Deliveries',
  /** JetStream's de-duplication key: publishes of one id within the duplicate window are stored once. */
  msgId: 'Nats-Msg-Id',
} as const;

/** The names one bus works with; tests override stream, prefix and durable to stay apart. */
export interface StreamNames {
  readonly stream: string;
  readonly prefix: string;
  readonly durable: string;
  readonly partitions: number;
}

export function streamNames(over: Partial<StreamNames> = {}): StreamNames {
  const names = {
    stream: over.stream ?? EVENT_STREAM,
    prefix: over.prefix ?? SUBJECT_PREFIX,
    durable: over.durable ?? DURABLE_CONSUMER,
    partitions: over.partitions ?? PARTITIONS,
  };
  if (!/^[A-Za-z0-9_-]+$/.test(names.stream))
    throw new Error(`stream name "${names.stream}" is not a NATS name`);
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(names.prefix))
    throw new Error(`subject prefix "${names.prefix}" is not dotted tokens`);
  if (!/^[A-Za-z0-9_-]+$/.test(names.durable))
    throw new Error(`durable "${names.durable}" is not a NATS name`);
  if (!Number.isInteger(names.partitions) || names.partitions < 1 || names.partitions > 1024)
    throw new Error(`partitions must be a whole number from 1 to 1024, not ${names.partitions}`);
  return names;
}

/**
 * The partition of a customer: FNV-1a (32 bit) of the UTF-8 bytes of its id, modulo the partition count. Stable
 * across processes and languages, so that other producers can compute it (docs/stream.md).
 */
export function partitionOf(customerId: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(customerId)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}

export const inboundSubject = (n: StreamNames, type: InboundEventType, partition: number): string =>
  `${n.prefix}.in.${partition}.${type}`;

/** What one partition's consumer filters on. */
export const partitionFilter = (n: StreamNames, partition: number): string => `${n.prefix}.in.${partition}.>`;

/** The subject of a customer's event of this type. */
export const subjectFor = (n: StreamNames, type: InboundEventType, customerId: string): string =>
  inboundSubject(n, type, partitionOf(customerId, n.partitions));

/** Where `publish` stores an event: an inbound one on its customer's partition, an outbound one under out. */
export function eventSubject(n: StreamNames, event: InboundEvent | OutboundEvent): string {
  // The union's `type` does not narrow through a type guard on a string, so the check is on the event itself.
  return isOutbound(event) ? outboundSubject(n, event.type) : subjectFor(n, event.type, event.customerId);
}

const isOutbound = (event: InboundEvent | OutboundEvent): event is OutboundEvent =>
  isOutboundEventType(event.type);

export const deadLetterSubject = (n: StreamNames): string => `${n.prefix}.dead`;

export const outboundSubject = (n: StreamNames, type: OutboundEventType): string => `${n.prefix}.out.${type}`;

/** All outbound subjects (one filter). */
export const outboundFilter = (n: StreamNames): string => `${n.prefix}.out.>`;

/** The subjects the stream stores: one filter per partition (so a wrong partition is refused), dead, out. */
export const streamSubjects = (n: StreamNames): string[] => [
  ...Array.from({ length: n.partitions }, (_, p) => partitionFilter(n, p)),
  deadLetterSubject(n),
  outboundFilter(n),
];

export const durableName = (n: StreamNames, partition: number): string => `${n.durable}-p${partition}`;

/** Partition and type of an inbound subject; undefined for any other subject. */
export function parseInboundSubject(
  n: StreamNames,
  subject: string,
): { readonly partition: number; readonly type: string } | undefined {
  const head = `${n.prefix}.in.`;
  if (!subject.startsWith(head)) return undefined;
  const rest = subject.slice(head.length);
  const dot = rest.indexOf('.');
  const token = rest.slice(0, dot);
  if (dot < 1 || !/^\d+$/.test(token) || Number(token) >= n.partitions) return undefined;
  return { partition: Number(token), type: rest.slice(dot + 1) };
}

/** What a subject is for, by its prefix: where the in-process bus stores a message. */
export function subjectKind(n: StreamNames, subject: string): 'in' | 'dead' | 'out' | undefined {
  if (parseInboundSubject(n, subject)) return 'in';
  if (subject === deadLetterSubject(n)) return 'dead';
  if (subject.startsWith(`${n.prefix}.out.`) && subject.length > n.prefix.length + 5) return 'out';
  return undefined;
}
