import type { InboundEvent } from '../../contracts/events/inbound.js';
import type { OutboundEvent } from '../../contracts/events/outbound.js';
import type { Engine } from '../../engines/engine.js';
import type { EventHandler } from '../../stream/bus.js';
import { processBatch, type BatchOutcome } from './process-batch.js';
import { latestRunId, loadRunReference, type RunReference } from './run-reference.js';

export interface StreamProcessorOptions {
  readonly engine: Engine;
  readonly timeZone: string;
  /** Sends an outgoing event (the bus's publish); called after the decision committed. */
  readonly publish: (event: OutboundEvent) => Promise<unknown>;
  readonly now?: () => Date;
  /** Most events in one transaction (default 500). */
  readonly maxBatch?: number;
  /** After each committed batch: for logs, progress and the benchmark's latency. */
  readonly onBatch?: (batch: CommittedBatch) => void;
}

export interface CommittedBatch {
  readonly events: readonly InboundEvent[];
  readonly outcome: BatchOutcome;
  readonly runId: string | null;
  readonly committedAt: number;
}

export interface StreamProcessor {
  /** The bus handler: resolves once the event's batch committed and its outgoing events were published. */
  readonly handle: EventHandler;
  /** Batches committed and events handled so far. */
  stats(): { readonly batches: number; readonly events: number };
}

interface Pending {
  readonly event: InboundEvent;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Applies events in batches: the bus hands over up to one event per partition at a time, and the events that
 * arrive while a batch is being written form the next batch, so that one transaction (and one recomputation of
 * the features of the customers concerned) serves many events when the stream is busy, and one event when it is
 * quiet. A batch that fails is retried event by event, so that one bad event fails alone (and is retried or
 * dead-lettered by the bus) instead of taking the others of its batch with it.
 */
export function createStreamProcessor(options: StreamProcessorOptions): StreamProcessor {
  const { engine, timeZone } = options;
  const now = options.now ?? (() => new Date());
  const maxBatch = options.maxBatch ?? 500;
  const queue: Pending[] = [];
  let running = false;
  let reference: RunReference | null = null;
  let batches = 0;
  let handled = 0;

  async function currentReference(): Promise<RunReference | null> {
    const runId = await latestRunId(engine);
    if (runId === null) return null;
    if (reference?.runId !== runId) reference = await loadRunReference(engine, runId);
    return reference;
  }

  async function commit(events: readonly InboundEvent[]): Promise<void> {
    const ref = await currentReference();
    const outcome = await processBatch(engine, ref, events, now(), timeZone);
    batches += 1;
    handled += events.length;
    options.onBatch?.({ events, outcome, runId: ref?.runId ?? null, committedAt: Date.now() });
    await Promise.all(outcome.events.map((e) => options.publish(e)));
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        await commit(batch.map((p) => p.event));
        for (const p of batch) p.resolve();
      } catch (error) {
        if (batch.length === 1) {
          batch[0]?.reject(error);
          continue;
        }
        for (const p of batch)
          await commit([p.event]).then(
            () => p.resolve(),
            (e: unknown) => p.reject(e),
          );
      }
    }
  }

  function kick(): void {
    if (running) return;
    running = true;
    // The deliveries of this turn of the event loop join the first batch.
    setImmediate(() => {
      void drain().finally(() => {
        running = false;
        if (queue.length > 0) kick();
      });
    });
  }

  return {
    handle: (event) =>
      new Promise<void>((resolve, reject) => {
        queue.push({ event, resolve, reject });
        kick();
      }),
    stats: () => ({ batches, events: handled }),
  };
}
