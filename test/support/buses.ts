import { randomUUID } from 'node:crypto';
import { DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { describe } from 'vitest';
import type { DeliveryPolicy, EventBus } from '../../src/stream/bus.js';
import { InProcessBroker } from '../../src/stream/in-process/broker.js';
import { InProcessBus } from '../../src/stream/in-process/in-process-bus.js';
import { openNatsBus } from '../../src/stream/nats/nats-bus.js';
import { deleteStream } from '../../src/stream/nats/stream-setup.js';
import { outboundFilter, streamNames, type StreamNames } from '../../src/stream/subjects.js';

export type BusKind = 'in-process' | 'nats';

/**
 * The buses the contract suite runs against: both unless $STRATUM_TEST_BUSES narrows it (e.g. `in-process` on a
 * machine without NATS). CI runs both.
 */
export const TEST_BUSES: readonly BusKind[] = (process.env.STRATUM_TEST_BUSES ?? 'in-process,nats')
  .split(',')
  .map((k) => k.trim())
  .filter((k): k is BusKind => k === 'in-process' || k === 'nats');

/** NATS with JetStream for the tests. */
export const TEST_NATS_URL = process.env.STRATUM_TEST_NATS_URL ?? '127.0.0.1:4222';

/** Redelivery fast enough for tests: a lost delivery comes back after 1.5 s, a failed one after 50–200 ms. */
export const TEST_POLICY: DeliveryPolicy = {
  ackWaitMs: 1_500,
  maxDeliver: 3,
  nakDelayMs: 50,
  maxNakDelayMs: 200,
  duplicateWindowMs: 60_000,
};

export interface BusFixture {
  readonly kind: BusKind;
  readonly names: StreamNames;
  readonly policy: DeliveryPolicy;
  /** A new connection to the same stream: a second worker, or a worker after a restart. */
  open(): Promise<EventBus>;
  /** The outbound messages stored, oldest first. */
  outbound(): Promise<{ subject: string; body: unknown }[]>;
  /** Closes every bus opened and deletes the stream. */
  dispose(): Promise<void>;
}

export interface FreshBusOptions {
  readonly partitions?: number;
  readonly policy?: Partial<DeliveryPolicy>;
}

/** A stream nobody else uses: unique stream name, subject prefix and durable (NATS), or a new broker. */
export async function freshBus(kind: BusKind, options: FreshBusOptions = {}): Promise<BusFixture> {
  const tag = randomUUID().replaceAll('-', '').slice(0, 12);
  const names = streamNames({
    stream: `TEST_${tag}`,
    prefix: `test.${tag}`,
    durable: `w${tag}`,
    partitions: options.partitions ?? 4,
  });
  const policy = { ...TEST_POLICY, ...options.policy };
  const opened: EventBus[] = [];
  const track = (bus: EventBus) => {
    opened.push(bus);
    return bus;
  };
  const closeAll = () => Promise.all(opened.map((b) => b.close()));

  if (kind === 'in-process') {
    const broker = new InProcessBroker({ names, policy });
    return {
      kind,
      names,
      policy,
      open: async () => track(new InProcessBus(broker)),
      outbound: async () =>
        broker
          .outbound()
          .map((m) => ({ subject: m.subject, body: JSON.parse(new TextDecoder().decode(m.data)) })),
      dispose: async () => {
        await closeAll();
      },
    };
  }

  const open = async () =>
    track(await openNatsBus({ servers: TEST_NATS_URL, names, policy, maxAgeMs: 3600_000 }));
  await open(); // creates the stream now, so that dispose always has something to delete
  return {
    kind,
    names,
    policy,
    open,
    outbound: () => readNatsSubject(names, outboundFilter(names)),
    dispose: async () => {
      await closeAll();
      const nc = await connect({ servers: TEST_NATS_URL });
      try {
        await deleteStream(await jetstreamManager(nc), names.stream);
      } finally {
        await nc.close();
      }
    },
  };
}

async function readNatsSubject(
  names: StreamNames,
  filter: string,
): Promise<{ subject: string; body: unknown }[]> {
  const nc = await connect({ servers: TEST_NATS_URL });
  try {
    const reader = await jetstream(nc).consumers.get(names.stream, {
      filter_subjects: filter, // a string: the plural form needs server 2.10
      deliver_policy: DeliverPolicy.All,
    });
    const count = (await reader.info(true)).num_pending;
    const out: { subject: string; body: unknown }[] = [];
    if (count === 0) return out;
    for await (const m of await reader.fetch({ max_messages: count, expires: 5_000 })) {
      out.push({ subject: m.subject, body: m.json() });
      if (out.length >= count) break;
    }
    return out;
  } finally {
    await nc.close();
  }
}

/**
 * The contract suite of the event bus (STYLE.md habit 5): the same tests once per bus, as `title [in-process]`
 * and `title [nats]`, like describeEachEngine in engines.ts.
 */
export function describeEachBus(title: string, body: (kind: BusKind) => void): void {
  for (const kind of TEST_BUSES) describe(`${title} [${kind}]`, () => body(kind));
}
