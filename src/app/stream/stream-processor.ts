import type { InboundEvent } from '../../contracts/events/inbound.js';
import type { OutboundEvent } from '../../contracts/events/outbound.js';
import type { Engine } from '../../engines/engine.js';
import type { EventHandler } from '../../stream/bus.js';
import { processBatch, ReferenceMoved, type BatchOutcome } from './process-batch.js';
import { streamAsOf } from './decide-customers.js';
import { latestRunId, loadRunReference, type RunReference } from './run-reference.js';
import { DEFAULT_CACHED_UNITS, UnitCache } from './unit-cache.js';
import { preloadUnits } from './units-to-decide.js';

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
  /** Most units kept in memory between batches (default DEFAULT_CACHED_UNITS; 0 reads every unit each time). */
  readonly cachedUnits?: number;
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
  /**
   * Reads every unit into memory as of today when they fit in the cache (before taking events: the first event
   * of each unit is then as quick as the next). Returns the units read.
   */
  preload(): Promise<number>;
  /** Batches committed, events handled, and units decided from memory (held) or from their rows (read) so far. */
  stats(): {
    readonly batches: number;
    readonly events: number;
    readonly unitsHeld: number;
    readonly unitsRead: number;
  };
}

interface Pending {
  readonly event: InboundEvent;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Applies events in batches: the bus hands over up to one event per partition at a time, and the events that
 * arrive while a batch is being written form the next batch, so that one transaction serves many events when the
 * stream is busy, and one event when it is quiet. A batch that fails is retried event by event, so that one bad event fails alone (and is retried or
 * dead-lettered by the bus) instead of taking the others of its batch with it. The units decided are kept in
 * memory (UnitCache), so that the next event of a unit updates its features without reading its rows again.
 */
export function createStreamProcessor(options: StreamProcessorOptions): StreamProcessor {
  const { engine, timeZone } = options;
  const now = options.now ?? (() => new Date());
  const maxBatch = options.maxBatch ?? 500;
  const queue: Pending[] = [];
  let running = false;
  let reference: RunReference | null = null;
  const cache = new UnitCache(options.cachedUnits ?? DEFAULT_CACHED_UNITS);
  let batches = 0;
  let handled = 0;

  async function currentReference(): Promise<RunReference | null> {
    const runId = await latestRunId(engine);
    if (runId === null) return null;
    if (reference?.runId !== runId) reference = await loadRunReference(engine, runId);
    return reference;
  }

  async function commit(events: readonly InboundEvent[]): Promise<void> {
    let outcome: BatchOutcome | undefined;
    while (!outcome) {
      try {
        outcome = await processBatch(engine, reference, events, now(), timeZone, cache);
      } catch (error) {
        if (!(error instanceof ReferenceMoved)) throw error;
        reference = error.runId === null ? null : await loadRunReference(engine, error.runId);
      }
    }
    batches += 1;
    handled += events.length;
    options.onBatch?.({ events, outcome, runId: reference?.runId ?? null, committedAt: Date.now() });
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
    preload: async () => {
      const ref = await currentReference();
      return ref === null ? 0 : preloadUnits(engine, ref, streamAsOf(ref, now(), timeZone), cache);
    },
    stats: () => ({ batches, events: handled, unitsHeld: cache.counts.held, unitsRead: cache.counts.read }),
  };
}
