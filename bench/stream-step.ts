import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { startWorker, type RunningWorker } from '../src/app/stream/worker.js';
import type { InboundEvent } from '../src/contracts/events/inbound.js';
import type { Engine } from '../src/engines/engine.js';
import type { EventBus } from '../src/stream/bus.js';
import { openNatsBus } from '../src/stream/nats/nats-bus.js';
import { deleteStream } from '../src/stream/nats/stream-setup.js';
import { PARTITIONS, streamNames, type StreamNames } from '../src/stream/subjects.js';
import { CPU_GROUPS, CpuMeter, type CpuMs } from './process-cpu.js';
import { benchEvents, type EventPool } from './stream-events.js';
import { LatencyTracker, type LatencyFigures } from './stream-load.js';
import { ProducerProcess } from './stream-producer.js';
import { BatchProfile, PHASES, type Phase } from './stream-profile.js';
import { BENCH_TZ } from './tiering-data.js';

/** NATS JetStream of the benchmark: $STRATUM_BENCH_NATS_URL, else the local server. */
const NATS_URL = process.env.STRATUM_BENCH_NATS_URL ?? '127.0.0.1:4222';

/** Events published slowly before the clock starts: the worker loads the run reference, DuckDB warms its caches. */
const WARMUP = { events: 100, rate: 100 } as const;

export interface StepSettings {
  readonly rate: number;
  readonly seconds: number;
  readonly pool: EventPool;
  /** How long to wait for the backlog after the last publish before stopping anyway. */
  readonly drainMs: number;
}

export interface StepFigures extends LatencyFigures {
  readonly offeredPerS: number;
  readonly publishedPerS: number;
  readonly published: number;
  /** Published but not yet done when the last one was published. */
  readonly backlogAtEnd: number;
  /** The mean backlog over the second and over the last quarter of the publishing. */
  readonly backlogQ2: number;
  readonly backlogQ4: number;
  /** Whether the consumer kept up (measureLoad says how that is judged). */
  readonly keptUp: boolean;
  /** Whether the backlog was worked off within drainMs; if not, the latencies are of the events done only. */
  readonly drained: boolean;
  /** From the last publish to the last event done (or to giving up). */
  readonly drainMs: number;
  /** The worker's batches (one transaction each) and their mean size; 0 for the baseline. */
  readonly batches: number;
  readonly meanBatch: number;
  /** Events the worker logged as rejected (they do not fit the data): should be 0. */
  readonly rejected: number;
  readonly deadLetters: number;
  /** Mean milliseconds per batch in each phase, plus the rest of the step's wall time (`waiting`). */
  readonly perBatchMs: Record<Phase | 'waiting', number> | null;
  /** Peak resident memory of this process during the step, sampled every 100 ms (the worker, and DuckDB in it). */
  readonly peakRssMiB: number;
  /** CPU microseconds per event done, of each process group, from the first publish until drained. */
  readonly cpuUsPerEvent: CpuMs | null;
}

/** What consumes the events: the real worker (one per engine, sharing the stream's durable consumer), or the baseline. */
export type Consumer =
  { readonly kind: 'worker'; readonly engines: readonly Engine[] } | { readonly kind: 'baseline' };

interface Counts {
  batches: number;
  batchEvents: number;
  rejected: number;
  deadLetters: number;
}

const noCounts = (): Counts => ({ batches: 0, batchEvents: 0, rejected: 0, deadLetters: 0 });

interface Running {
  stop(): Promise<void>;
  readonly counts: Counts;
  readonly errors: readonly unknown[];
  readonly profile: BatchProfile | null;
}

async function start(
  consumer: Consumer,
  open: () => Promise<EventBus>,
  tracker: () => LatencyTracker,
): Promise<Running> {
  const counts = noCounts();
  const errors: unknown[] = [];
  const common = {
    onDeadLetter: () => void (counts.deadLetters += 1),
    onError: (error: unknown) => void errors.push(error),
  };
  const buses: EventBus[] = [];
  const closeBuses = async () => void (await Promise.all(buses.map((b) => b.close())));
  try {
    if (consumer.kind === 'baseline') {
      const bus = await open();
      buses.push(bus);
      const c = await bus.consume({
        handler: async (event) => tracker().done(event.id),
        concurrency: bus.names.partitions,
        ...common,
      });
      return { stop: () => c.stop().finally(closeBuses), counts, errors, profile: null };
    }
    const profile = new BatchProfile();
    const workers: RunningWorker[] = [];
    // Each worker on a connection of its own, like worker processes sharing the durable consumer.
    for (const engine of consumer.engines) {
      const bus = await open();
      buses.push(bus);
      workers.push(
        await startWorker({
          engine: profile.engine(engine),
          bus: profile.bus(bus),
          timeZone: BENCH_TZ,
          onBatch: (batch) => {
            const t = tracker();
            for (const e of batch.events) t.done(e.id);
            counts.batches += 1;
            counts.batchEvents += batch.events.length;
            counts.rejected += batch.outcome.rejected.length;
          },
          ...common,
        }),
      );
    }
    // Units in memory before the clock starts, as after a worker's start-up.
    await Promise.all(workers.map((w) => w.ready));
    const stop = async () => void (await Promise.all(workers.map((w) => w.stop())));
    return { stop: () => stop().finally(closeBuses), counts, errors, profile };
  } catch (error) {
    await closeBuses();
    throw error;
  }
}

async function deleteBenchStream(names: StreamNames): Promise<void> {
  const nc = await connect({ servers: NATS_URL });
  try {
    await deleteStream(await jetstreamManager(nc), names.stream);
  } finally {
    await nc.close();
  }
}

/**
 * One measurement on a fresh NATS stream of its own (deleted at the end), with the partitions of a deployment:
 * a warm-up, then `rate` events per second for `seconds` from the producer process, each event's latency from
 * its publish to its being done (the worker's batch committed, or the no-op handler called).
 */
export async function measureStep(consumer: Consumer, settings: StepSettings): Promise<StepFigures> {
  const tag = randomUUID().replaceAll('-', '').slice(0, 10);
  const names = streamNames({
    stream: `BENCH_${tag}`,
    prefix: `bench.${tag}`,
    durable: `bench${tag}`,
    partitions: PARTITIONS,
  });
  const open = (who: string) =>
    openNatsBus({ servers: NATS_URL, names, maxAgeMs: 3_600_000, connectionName: `stratum bench ${who}` });
  const producer = await ProducerProcess.start(NATS_URL, names);
  let tracker = new LatencyTracker();
  try {
    const running = await start(
      consumer,
      () => open(consumer.kind),
      () => tracker,
    );
    try {
      const warmup = benchEvents(settings.pool, WARMUP.events, `${tag}-warmup`, 1);
      await producer.publish(warmup, WARMUP.rate, tracker);
      if (!(await tracker.drained(120_000)))
        throw new Error(`the warm-up did not finish: ${tracker.pending} left`);
      tracker = new LatencyTracker();
      Object.assign(running.counts, noCounts());
      running.profile?.reset();
      const events = benchEvents(settings.pool, Math.round(settings.rate * settings.seconds), tag, 2);
      return await measureLoad(events, settings, producer, running, tracker);
    } finally {
      await running.stop();
    }
  } finally {
    await producer.close();
    await deleteBenchStream(names);
  }
}

/**
 * Publishes the events at the rate, waits for the backlog (up to drainMs) and sums up. The consumer kept up when
 * the backlog did not grow during the publishing and was worked off soon after: behind a consumer slower than the
 * offered rate it grows linearly (the last quarter's mean is then 2.3× the second's; a quarter of a second's
 * events is allowed for noise), in front of one that keeps up it stays at about rate × latency; and the whole
 * took at most a quarter longer than the publishing (sustained ≥ 80 % of the published rate).
 */
async function measureLoad(
  events: readonly InboundEvent[],
  settings: StepSettings,
  producer: ProducerProcess,
  running: Running,
  tracker: LatencyTracker,
): Promise<StepFigures> {
  const startedAt = performance.now();
  const cpu = new CpuMeter(producer.pid);
  let peakRss = process.memoryUsage.rss();
  const backlog: { readonly atMs: number; readonly pending: number }[] = [];
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    backlog.push({ atMs: performance.now() - startedAt, pending: tracker.pending });
  }, 100);
  try {
    const { publishedPerS } = await producer.publish(events, settings.rate, tracker);
    const backlogAtEnd = tracker.pending;
    const publishedAt = performance.now();
    const publishMs = publishedAt - startedAt;
    const quarter = (q: number) =>
      mean(backlog.filter((b) => b.atMs >= ((q - 1) / 4) * publishMs && b.atMs < (q / 4) * publishMs));
    const [backlogQ2, backlogQ4] = [quarter(2), quarter(4)];
    const drained = await tracker.drained(settings.drainMs);
    const drainMs = performance.now() - publishedAt;
    const cpuMs = cpu.read();
    const wallMs = performance.now() - startedAt;
    if (running.errors.length > 0)
      throw new Error(
        `the consumer reported ${running.errors.length} errors, e.g. ${String(running.errors[0])}`,
      );
    const c = running.counts;
    const figures = tracker.figures();
    return {
      ...figures,
      offeredPerS: settings.rate,
      publishedPerS,
      published: events.length,
      backlogAtEnd,
      backlogQ2,
      backlogQ4,
      keptUp:
        drained &&
        backlogQ4 <= 1.5 * backlogQ2 + 0.25 * settings.rate &&
        figures.sustainedPerS >= 0.8 * publishedPerS,
      drained,
      drainMs,
      batches: c.batches,
      meanBatch: c.batches === 0 ? 0 : c.batchEvents / c.batches,
      rejected: c.rejected,
      deadLetters: c.deadLetters,
      perBatchMs: running.profile ? perBatch(running.profile, c.batches, wallMs) : null,
      peakRssMiB: peakRss / 2 ** 20,
      cpuUsPerEvent: cpuMs && perEvent(cpuMs, figures.done),
    };
  } finally {
    clearInterval(sampler);
  }
}

const perEvent = (ms: CpuMs, events: number): CpuMs =>
  Object.fromEntries(CPU_GROUPS.map((g) => [g, (1000 * ms[g]) / Math.max(1, events)])) as CpuMs;

const mean = (xs: readonly { readonly pending: number }[]) =>
  xs.length === 0 ? 0 : xs.reduce((sum, x) => sum + x.pending, 0) / xs.length;

function perBatch(profile: BatchProfile, batches: number, wallMs: number): Record<Phase | 'waiting', number> {
  const n = Math.max(1, batches);
  const ms = Object.fromEntries(PHASES.map((p) => [p, profile.ms(p) / n])) as Record<Phase, number>;
  return { ...ms, waiting: Math.max(0, wallMs - profile.totalMs()) / n };
}
