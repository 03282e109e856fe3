import type { Engine } from '../../engines/engine.js';
import type { DeadLetter, EventBus } from '../../stream/bus.js';
import { createStreamProcessor, type CommittedBatch, type StreamProcessor } from './stream-processor.js';

export interface WorkerOptions {
  readonly engine: Engine;
  readonly bus: EventBus;
  readonly timeZone: string;
  readonly now?: () => Date;
  /** Events this worker applies at once (default: every partition, so that batches can fill up). */
  readonly concurrency?: number;
  readonly maxBatch?: number;
  /** Units kept in memory (StreamProcessorOptions.cachedUnits). */
  readonly cachedUnits?: number;
  readonly onBatch?: (batch: CommittedBatch) => void;
  readonly onDeadLetter?: (letter: DeadLetter) => void;
  readonly onError?: (error: unknown) => void;
}

export interface RunningWorker {
  readonly processor: StreamProcessor;
  /**
   * Resolves with the number of units read into memory once the worker's start-up read of every unit is done
   * (processor.preload; 0 when they do not fit or it failed). Events are applied meanwhile, their units read as
   * needed.
   */
  readonly ready: Promise<number>;
  /** Takes no more events, finishes the running batch and acks it. */
  stop(): Promise<void>;
}

/**
 * The stream consumer of `stratum worker` (and of `stratum serve` in embedded mode): takes inbound events from the
 * bus's durable consumer, applies and decides them in batches, and publishes tier.changed / tag.added /
 * tag.removed on the bus (the webhook outbox gets them in the batch's transaction).
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { bus } = options;
  const processor = createStreamProcessor({
    engine: options.engine,
    timeZone: options.timeZone,
    publish: (event) => bus.publish(event),
    ...(options.now ? { now: options.now } : {}),
    ...(options.maxBatch ? { maxBatch: options.maxBatch } : {}),
    ...(options.onBatch ? { onBatch: options.onBatch } : {}),
    ...(options.cachedUnits === undefined ? {} : { cachedUnits: options.cachedUnits }),
  });
  const consumer = await bus.consume({
    handler: processor.handle,
    concurrency: options.concurrency ?? bus.names.partitions,
    ...(options.onDeadLetter ? { onDeadLetter: options.onDeadLetter } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  const ready = processor.preload().catch((error: unknown) => {
    options.onError?.(error);
    return 0;
  });
  return { processor, ready, stop: () => consumer.stop() };
}
