import { nanos } from '@nats-io/nats-core';
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  ReplayPolicy,
  RetentionPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import type { DeliveryPolicy } from '../bus.js';
import { durableName, partitionFilter, streamSubjects, type StreamNames } from '../subjects.js';

/**
 * The stream and its durable consumers, created or brought up to date at start (idempotent; several processes
 * may run it at once).
 *
 * Retention: limits (by age), not work-queue. A work-queue stream deletes a message at its ack and allows one
 * consumer per subject; with limits the stream keeps a week of events, so that a second durable (an audit
 * trail, a replay after a bug fix, the reconciliation of issue 7) can read them, and the dead-letter and outbound
 * subjects live in the same stream. Progress is the durable consumers' ack floor, not deletion.
 *
 * Consumers: one durable pull consumer per partition (subjects.ts says why), explicit ack, max_ack_pending 1,
 * ack_wait from the policy, max_deliver one above the handler attempts: the bus dead-letters a message that
 * failed maxDeliver times itself, and one delivered once more without an outcome (the worker died each time).
 */
export const DEFAULT_MAX_AGE_MS = 7 * 24 * 3600_000;

type WantedStream = Partial<StreamConfig> &
  Pick<StreamConfig, 'name' | 'subjects' | 'max_age' | 'duplicate_window'>;

export function streamConfig(names: StreamNames, policy: DeliveryPolicy, maxAgeMs: number): WantedStream {
  return {
    name: names.stream,
    subjects: streamSubjects(names),
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_age: nanos(maxAgeMs),
    duplicate_window: nanos(policy.duplicateWindowMs),
    num_replicas: 1,
  };
}

export function consumerConfig(
  names: StreamNames,
  policy: DeliveryPolicy,
  partition: number,
): Partial<ConsumerConfig> {
  return {
    durable_name: durableName(names, partition),
    filter_subject: partitionFilter(names, partition),
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    replay_policy: ReplayPolicy.Instant,
    ack_wait: nanos(policy.ackWaitMs),
    max_deliver: policy.maxDeliver + 1,
    max_ack_pending: 1,
  };
}

/** Creates the stream, or updates the settings stratum owns when they differ. */
export async function ensureStream(
  jsm: JetStreamManager,
  names: StreamNames,
  policy: DeliveryPolicy,
  maxAgeMs: number,
): Promise<void> {
  const wanted = streamConfig(names, policy, maxAgeMs);
  let current: StreamConfig;
  try {
    current = (await jsm.streams.info(names.stream)).config;
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
    await jsm.streams.add(wanted); // identical concurrent adds succeed
    return;
  }
  const same =
    JSON.stringify([...current.subjects].sort()) === JSON.stringify([...wanted.subjects].sort()) &&
    current.max_age === wanted.max_age &&
    current.duplicate_window === wanted.duplicate_window;
  if (!same)
    await jsm.streams.update(names.stream, {
      subjects: wanted.subjects,
      max_age: wanted.max_age,
      duplicate_window: wanted.duplicate_window,
    });
}

/** Creates every partition's durable consumer, or updates its redelivery settings. */
export async function ensureConsumers(
  jsm: JetStreamManager,
  names: StreamNames,
  policy: DeliveryPolicy,
): Promise<void> {
  await Promise.all(
    Array.from({ length: names.partitions }, async (_, p) => {
      const wanted = consumerConfig(names, policy, p);
      const info = await jsm.consumers.add(names.stream, wanted);
      const c = info.config;
      if (
        c.ack_wait !== wanted.ack_wait ||
        c.max_deliver !== wanted.max_deliver ||
        c.max_ack_pending !== wanted.max_ack_pending
      )
        await jsm.consumers.update(names.stream, durableName(names, p), {
          ack_wait: wanted.ack_wait,
          max_deliver: wanted.max_deliver,
          max_ack_pending: wanted.max_ack_pending,
        });
    }),
  );
}

/** Deletes the stream and its consumers (tests; `stratum` never deletes the production stream). */
export async function deleteStream(jsm: JetStreamManager, stream: string): Promise<void> {
  try {
    await jsm.streams.delete(stream);
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
  }
}

const isStreamNotFound = (error: unknown): boolean =>
  error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound;
