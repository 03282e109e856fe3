import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { durableName, type StreamNames } from '../../../src/stream/subjects.js';
import { sleep } from '../../../src/stream/wait.js';
import { TEST_NATS_URL } from '../../support/buses.js';

const STABLE_MS = 1_000;

/** Inbound messages not yet settled, per partition: not yet delivered (num_pending) plus delivered, not acked. */
export interface Backlog {
  readonly pending: number;
  readonly ackPending: number;
  readonly total: number;
}

/** Reads the partition durables' progress from the server, as an operator would (nats consumer info). */
export class ConsumerBacklog {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
  ) {}

  static async open(): Promise<ConsumerBacklog> {
    const nc = await connect({ servers: TEST_NATS_URL, name: 'kill test observer' });
    return new ConsumerBacklog(nc, await jetstreamManager(nc));
  }

  async of(names: StreamNames): Promise<Backlog> {
    const infos = await Promise.all(
      Array.from({ length: names.partitions }, (_, p) =>
        this.jsm.consumers.info(names.stream, durableName(names, p)),
      ),
    );
    const pending = infos.reduce((n, i) => n + i.num_pending, 0);
    const ackPending = infos.reduce((n, i) => n + i.num_ack_pending, 0);
    return { pending, ackPending, total: pending + ackPending };
  }

  /**
   * Polls until every partition has delivered and settled everything, and still has a second later (a message
   * nak'd for a retry must not pass for settled), or fails after `timeoutMs`.
   */
  async untilDrained(names: StreamNames, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let emptySince: number | null = null;
    for (;;) {
      const backlog = await this.of(names);
      if (backlog.total > 0) emptySince = null;
      else if (emptySince === null) emptySince = Date.now();
      else if (Date.now() - emptySince >= STABLE_MS) return;
      if (Date.now() > deadline)
        throw new Error(
          `stream ${names.stream} not drained after ${timeoutMs} ms: ${JSON.stringify(backlog)}`,
        );
      await sleep(200);
    }
  }

  close(): Promise<void> {
    return this.nc.close();
  }
}
