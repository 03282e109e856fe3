import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import {
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import type { InboundEvent } from '../../contracts/events/inbound.js';
import type { OutboundEvent } from '../../contracts/events/outbound.js';
import {
  DEFAULT_DELIVERY_POLICY,
  type ConsumeOptions,
  type DeadLetter,
  type DeliveryPolicy,
  type EventBus,
  type EventConsumer,
  type PublishAck,
} from '../bus.js';
import { bodyText, encodeEvent } from '../delivery.js';
import { deadLetterSubject, eventSubject, HEADERS, streamNames, type StreamNames } from '../subjects.js';
import { NatsConsumer } from './nats-consumer.js';
import { DEFAULT_MAX_AGE_MS, ensureConsumers, ensureStream } from './stream-setup.js';

export interface NatsBusOptions {
  /** The NATS server(s), e.g. `127.0.0.1:4222` (the caller reads its configuration; this module reads no env). */
  readonly servers: string | readonly string[];
  /** Stream, subject prefix, durable and partitions; tests give unique ones. */
  readonly names?: Partial<StreamNames>;
  readonly policy?: Partial<DeliveryPolicy>;
  /** How long the stream keeps messages (default 7 days). */
  readonly maxAgeMs?: number;
  /** The connection's name on the server, e.g. `stratum worker`. */
  readonly connectionName?: string;
}

/** Connects and makes sure the stream exists with the settings of stream-setup.ts. */
export async function openNatsBus(options: NatsBusOptions): Promise<NatsBus> {
  const names = streamNames(options.names);
  const policy = { ...DEFAULT_DELIVERY_POLICY, ...options.policy };
  const nc = await connect({
    servers: typeof options.servers === 'string' ? options.servers : [...options.servers],
    name: options.connectionName ?? 'stratum',
    // Otherwise every publish and ack allocates an Error up front for its stack, in case it times out: a tenth of
    // the worker's CPU under load (bench:stream). Our errors name the subject and sequence instead.
    noAsyncTraces: true,
  });
  try {
    const jsm = await jetstreamManager(nc);
    await ensureStream(jsm, names, policy, options.maxAgeMs ?? DEFAULT_MAX_AGE_MS);
    return new NatsBus(nc, jsm, names, policy);
  } catch (error) {
    await nc.close();
    throw error;
  }
}

/** The EventBus on NATS JetStream. */
export class NatsBus implements EventBus {
  readonly #js: JetStreamClient;
  readonly #consumers = new Set<NatsConsumer>();
  #consumersReady: Promise<void> | undefined;

  constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    readonly names: StreamNames,
    readonly policy: DeliveryPolicy,
  ) {
    this.#js = jetstream(nc);
  }

  async publish(event: InboundEvent | OutboundEvent): Promise<PublishAck> {
    const subject = eventSubject(this.names, event);
    const ack = await this.#js.publish(subject, encodeEvent(event), { msgID: event.id });
    return { subject, seq: ack.seq, duplicate: ack.duplicate };
  }

  async publishRaw(subject: string, bytes: Uint8Array): Promise<PublishAck> {
    const ack = await this.#js.publish(subject, bytes);
    return { subject, seq: ack.seq, duplicate: ack.duplicate };
  }

  async consume(options: ConsumeOptions): Promise<EventConsumer> {
    this.#consumersReady ??= ensureConsumers(this.jsm, this.names, this.policy).catch((error: unknown) => {
      this.#consumersReady = undefined;
      throw error;
    });
    await this.#consumersReady;
    const consumer = new NatsConsumer(
      this.#js,
      this.names,
      this.policy,
      options,
      () => this.nc.isClosed(),
      () => this.nc.flush(),
      () => this.#consumers.delete(consumer),
    );
    this.#consumers.add(consumer);
    consumer.start();
    return consumer;
  }

  /** Reads the dead-letter subject with an ordered (ephemeral, unacked) consumer. */
  async deadLetters(options: { afterSeq?: number; limit?: number } = {}): Promise<readonly DeadLetter[]> {
    const reader = await this.#js.consumers.get(this.names.stream, {
      // A string, not an array: filter_subjects (plural) needs server 2.10.
      filter_subjects: deadLetterSubject(this.names),
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: (options.afterSeq ?? 0) + 1,
    });
    const count = Math.min(options.limit ?? 1000, (await reader.info(true)).num_pending);
    const letters: DeadLetter[] = [];
    if (count <= 0) return letters;
    for await (const m of await reader.fetch({ max_messages: count, expires: 5_000 })) {
      letters.push(toDeadLetter(m));
      if (letters.length >= count) break;
    }
    return letters;
  }

  /** Abandons running handlers (their events are redelivered after ack_wait) and closes the connection. */
  async close(): Promise<void> {
    if (this.nc.isClosed()) return;
    await Promise.all([...this.#consumers].map((c) => c.stop({ graceMs: 0 })));
    await this.nc.close();
  }
}

function toDeadLetter(m: JsMsg): DeadLetter {
  const header = (name: string) => m.headers?.get(name) ?? '';
  // A message published straight to the dead subject has no headers: it stands for itself.
  return {
    deadSeq: m.seq,
    subject: header(HEADERS.subject) || m.subject,
    seq: Number(header(HEADERS.seq)) || m.seq,
    reason: header(HEADERS.reason),
    deliveries: Number(header(HEADERS.deliveries)) || 0,
    body: bodyText(m.data),
    deadAt: m.time.toISOString(),
  };
}
