import type { InboundEvent } from '../contracts/events/inbound.js';
import type { OutboundEvent } from '../contracts/events/outbound.js';
import type { StreamNames } from './subjects.js';

/**
 * The event bus port (STYLE.md habit 4: a small interface of ours, no NATS types). Two implementations with the
 * same contract suite (src/stream/bus-contract.test.ts): nats/ (JetStream) and in-process/ (embedded mode).
 *
 * Delivery is at least once: an event is acked only after its handler resolved, so a crash between the handler's
 * commit and the ack delivers it again. Idempotency (by event id) is the handler's job, not the bus's.
 */
export interface EventBus {
  /** The names this bus was opened with (to build subjects for publishRaw, or for logs). */
  readonly names: StreamNames;
  /**
   * Stores an event: an inbound one on its customer's partition subject, an outbound one on its out subject.
   * Resolves once stored. Publishing an id again within the duplicate window stores nothing (`duplicate`).
   */
  publish(event: InboundEvent | OutboundEvent): Promise<PublishAck>;
  /** Stores raw bytes on a subject, unvalidated: how tests (and foreign producers) send malformed input. */
  publishRaw(subject: string, bytes: Uint8Array): Promise<PublishAck>;
  /**
   * Starts applying inbound events with `handler` on the durable consumer (several consumers, in this process or
   * others, share it: each event goes to one of them). See ConsumeOptions for what happens to each message.
   */
  consume(options: ConsumeOptions): Promise<EventConsumer>;
  /** Dead letters in the order they died, from `afterSeq` (exclusive), at most `limit` (default 1000). */
  deadLetters(options?: {
    readonly afterSeq?: number;
    readonly limit?: number;
  }): Promise<readonly DeadLetter[]>;
  /** Stops every consumer of this bus (running handlers are abandoned: redelivered later) and disconnects. */
  close(): Promise<void>;
}

export interface PublishAck {
  readonly subject: string;
  /** Position in the stream (of the earlier copy when `duplicate`). */
  readonly seq: number;
  readonly duplicate: boolean;
}

/** What a handler learns about a delivery besides the event. */
export interface Delivery {
  readonly subject: string;
  /** Position in the stream: increases with publish order. */
  readonly seq: number;
  /** 1 on the first delivery; more after a nak, a crash or an ack timeout. */
  readonly deliveryCount: number;
}

export type EventHandler = (event: InboundEvent, delivery: Delivery) => Promise<void>;

/**
 * Each message: not a valid event → dead-lettered with the reason, and the stream goes on; the handler resolves
 * → acked; it throws → nak'd and redelivered after a backoff, until it has failed `maxDeliver` times → dead-
 * lettered. A message delivered more than maxDeliver times without an outcome (the worker died each time) is
 * dead-lettered without running the handler again.
 */
export interface ConsumeOptions {
  readonly handler: EventHandler;
  /** Handlers running at once in this consumer (default 1); never two of one partition (subjects.ts). */
  readonly concurrency?: number;
  /** After a message was dead-lettered (for logs and metrics). */
  readonly onDeadLetter?: (letter: DeadLetter) => void;
  /** What the bus cannot hand to anyone else: a failed pull, ack or dead-letter publish (the message retries). */
  readonly onError?: (error: unknown) => void;
}

export interface EventConsumer {
  /**
   * Takes no more messages, then waits up to `graceMs` (default 30 s) for running handlers, whose messages are
   * then acked or nak'd; the handlers still running after that are abandoned and their events redelivered.
   */
  stop(options?: { readonly graceMs?: number }): Promise<void>;
}

export interface DeadLetter {
  /** Position of the dead letter among dead letters (for paging with afterSeq). */
  readonly deadSeq: number;
  /** Where the original was published, and its position in the stream. */
  readonly subject: string;
  readonly seq: number;
  readonly reason: string;
  readonly deliveries: number;
  /** The original body as UTF-8 text. */
  readonly body: string;
  /** When it was dead-lettered (ISO 8601, UTC). */
  readonly deadAt: string;
}

/** Redelivery settings shared by both buses. */
export interface DeliveryPolicy {
  /** A delivery not acked or nak'd within this time is redelivered (the worker is presumed dead). */
  readonly ackWaitMs: number;
  /** Handler attempts before a failing event is dead-lettered. */
  readonly maxDeliver: number;
  /** Delay before the first redelivery after a failure; doubles with each failure, up to maxNakDelayMs. */
  readonly nakDelayMs: number;
  readonly maxNakDelayMs: number;
  /** Publishes of one event id within this window are stored once (JetStream duplicate_window). */
  readonly duplicateWindowMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  ackWaitMs: 30_000,
  maxDeliver: 5,
  nakDelayMs: 1_000,
  maxNakDelayMs: 60_000,
  duplicateWindowMs: 120_000,
};
