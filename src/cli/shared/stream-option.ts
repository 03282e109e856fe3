import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config.js';
import { DEFAULT_DELIVERY_POLICY } from '../../stream/bus.js';
import { openNatsBus, type NatsBus } from '../../stream/nats/nats-bus.js';
import { DURABLE_CONSUMER, EVENT_STREAM, PARTITIONS, SUBJECT_PREFIX } from '../../stream/subjects.js';

/** The zod shape of the event stream options (spread into a command's schema). */
export const StreamOptionShape = {
  nats: z.string().min(1).optional(),
  stream: z.string().min(1).default(EVENT_STREAM),
  subjectPrefix: z.string().min(1).default(SUBJECT_PREFIX),
  durable: z.string().min(1).default(DURABLE_CONSUMER),
  partitions: z.coerce.number().int().min(1).max(1024).default(PARTITIONS),
  ackWait: z.coerce
    .number()
    .min(0.1)
    .max(3600)
    .default(DEFAULT_DELIVERY_POLICY.ackWaitMs / 1000),
};

export interface StreamOptions {
  readonly nats?: string | undefined;
  readonly stream: string;
  readonly subjectPrefix: string;
  readonly durable: string;
  readonly partitions: number;
  /** Seconds after which an unacknowledged event is delivered again (its worker presumed dead). */
  readonly ackWait: number;
}

/** Adds the stream options; the names matter only to installations that share one NATS server. */
export function addStreamOptions(command: Command): Command {
  return command
    .option('--nats <url>', 'NATS JetStream server, e.g. 127.0.0.1:4222 (default: $STRATUM_NATS_URL)')
    .option('--stream <name>', 'JetStream stream name', EVENT_STREAM)
    .option('--subject-prefix <prefix>', 'subject prefix of the events', SUBJECT_PREFIX)
    .option('--durable <name>', 'base name of the durable consumers', DURABLE_CONSUMER)
    .option(
      '--partitions <n>',
      'partitions of the inbound subjects (change only on a drained stream)',
      String(PARTITIONS),
    )
    .option(
      '--ack-wait <seconds>',
      'an event not acknowledged within this time is delivered again (its worker presumed dead)',
      String(DEFAULT_DELIVERY_POLICY.ackWaitMs / 1000),
    );
}

/** The NATS server the options or $STRATUM_NATS_URL name, if any. */
export const natsUrlOf = (options: StreamOptions): string | undefined => options.nats ?? loadConfig().natsUrl;

/** The stream names and redelivery settings the options give, for either bus. */
export const busSettingsOf = (options: StreamOptions) => ({
  names: {
    stream: options.stream,
    prefix: options.subjectPrefix,
    durable: options.durable,
    partitions: options.partitions,
  },
  policy: { ackWaitMs: Math.round(options.ackWait * 1000) },
});

export function openStreamBus(url: string, options: StreamOptions, connectionName: string): Promise<NatsBus> {
  return openNatsBus({ servers: url, connectionName, ...busSettingsOf(options) });
}
