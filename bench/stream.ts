/**
 * `npm run bench:stream`: events per second and latency from publish to the committed tier decision, through real
 * NATS JetStream and the real worker (startWorker) on DuckDB and PostgreSQL, against the raw JetStream
 * publish→consume round trip with a no-op handler, measured in the same run with the same partitions and pacing.
 * Options: --engine duckdb|postgres|both (default both when PostgreSQL answers), --rate (offered events/s, 2000),
 * --seconds (20), --customers (20000: the demo database's size), --workers (1: workers sharing the stream's durable
 * consumer, each on a connection of its own; PostgreSQL only, DuckDB is one process's file). Prints a table; the
 * figures go to .bench-cache/stream/last.json.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { migrate } from '../src/app/migrate.js';
import type { Engine } from '../src/engines/engine.js';
import { openEngine } from '../src/engines/registry.js';
import type { EngineKind } from '../src/sql/dialects/dialect.js';
import { PARTITIONS } from '../src/stream/subjects.js';
import { STREAM_BENCH_DIR, streamBenchDatabase } from './stream-data.js';
import { EVENT_MIX, loadEventPool, type EventPool } from './stream-events.js';
import {
  forgetBenchEvents,
  openPostgresWorkerEngine,
  postgresBenchEngine,
  postgresReachable,
} from './stream-postgres.js';
import { reportLines, TARGET, type EngineResult, type StreamBenchResult } from './stream-report.js';
import { measureStep, type StepFigures } from './stream-step.js';
import { BENCH_TZ } from './tiering-data.js';

/** Steps of one engine at most: the offered rate, the throughput it measured, then twice 80 % of the last. */
const MAX_STEPS = 4;

const OptionsSchema = z.object({
  engine: z.enum(['duckdb', 'postgres', 'both']).optional(),
  rate: z.coerce.number().int().min(1).max(100_000).default(TARGET.perS),
  seconds: z.coerce.number().min(1).max(3_600).default(20),
  customers: z.coerce.number().int().min(100).max(2_000_000).default(20_000),
  workers: z.coerce.number().int().min(1).max(8).default(1),
});
type Options = z.infer<typeof OptionsSchema>;

/** Steps at the offered rate, then lower while they fall behind, so that a miss comes with what does work. */
async function measureEngine(
  kind: EngineKind,
  engines: readonly Engine[],
  options: Options,
  pool: EventPool,
): Promise<EngineResult> {
  const steps: StepFigures[] = [];
  let rate = options.rate;
  for (;;) {
    process.stderr.write(`${kind}: ${rate} events/s for ${options.seconds} s…\n`);
    const step = await measureStep(
      { kind: 'worker', engines },
      { rate, seconds: options.seconds, pool, drainMs: options.seconds * 3_000 },
    );
    steps.push(step);
    if (step.keptUp || steps.length >= MAX_STEPS) break;
    const next = steps.length === 1 ? step.sustainedPerS : 0.8 * rate;
    rate = Math.max(1, next >= 20 ? Math.floor(next / 10) * 10 : Math.floor(next));
  }
  const kept = steps.filter((s) => s.keptUp).map((s) => s.offeredPerS);
  const sustainableRate = kept.length > 0 ? Math.max(...kept) : null;
  // The bus at the same lower rate, so that the latencies of a step that kept up have a baseline of their own.
  const baselineAtSustainable =
    sustainableRate === null || sustainableRate === options.rate
      ? null
      : await measureStep(
          { kind: 'baseline' },
          { rate: sustainableRate, seconds: options.seconds, pool, drainMs: options.seconds * 3_000 },
        );
  return { engine: kind, steps, sustainableRate, baselineAtSustainable };
}

async function openDuckDb(path: string): Promise<Engine> {
  const engine = await openEngine({ kind: 'duckdb', path }, { timeZone: BENCH_TZ });
  await migrate(engine);
  return engine;
}

async function enginesOf(options: Options): Promise<EngineKind[]> {
  if (options.engine === 'duckdb' || options.engine === 'postgres') return [options.engine];
  if (options.engine === 'both' || (await postgresReachable())) return ['duckdb', 'postgres'];
  process.stderr.write('PostgreSQL does not answer: DuckDB only\n');
  return ['duckdb'];
}

export async function run(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      engine: { type: 'string' },
      rate: { type: 'string' },
      seconds: { type: 'string' },
      customers: { type: 'string' },
      workers: { type: 'string' },
    },
  });
  const options = OptionsSchema.parse(values);
  const kinds = await enginesOf(options);
  const cached = await streamBenchDatabase(options.customers);
  const loadBefore = loadavg()[0] ?? NaN;
  const work = await mkdtemp(join(tmpdir(), 'stratum-bench-stream-'));
  const engines: EngineResult[] = [];
  let baseline: StepFigures;
  try {
    // Each benchmark run works on a copy: the cached database stays as the demo built it.
    const scratch = join(work, 'stream.duckdb');
    await copyFile(cached, scratch);
    const duck = await openDuckDb(scratch);
    let pool: EventPool;
    try {
      pool = await loadEventPool(duck);
      process.stderr.write(`baseline: ${options.rate} events/s for ${options.seconds} s…\n`);
      baseline = await measureStep(
        { kind: 'baseline' },
        { rate: options.rate, seconds: options.seconds, pool, drainMs: options.seconds * 3_000 },
      );
      if (kinds.includes('duckdb')) engines.push(await measureEngine('duckdb', [duck], options, pool));
    } finally {
      await duck.close();
    }
    if (kinds.includes('postgres')) {
      const { engine, copyMs } = await postgresBenchEngine(cached, options.customers);
      if (copyMs !== null) process.stderr.write(`copied to PostgreSQL in ${(copyMs / 1000).toFixed(0)} s\n`);
      const more: Engine[] = [];
      try {
        for (let w = 1; w < options.workers; w++)
          more.push(await openPostgresWorkerEngine(options.customers));
        engines.push(await measureEngine('postgres', [engine, ...more], options, pool));
      } finally {
        await Promise.all(more.map((e) => e.close()));
        await forgetBenchEvents(engine, cached).finally(() => engine.close());
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  const cpu = cpus();
  const result: StreamBenchResult = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpu.length,
      cpu: cpu[0]?.model ?? '',
      memGiB: totalmem() / 2 ** 30,
      node: process.version,
    },
    loadAverage: { before: loadBefore, after: loadavg()[0] ?? NaN },
    settings: {
      customers: options.customers,
      seconds: options.seconds,
      partitions: PARTITIONS,
      workers: options.workers,
      eventMix: `${Math.round(100 * (1 - EVENT_MIX.payment - EVENT_MIX.refund - EVENT_MIX.complaint))} % order.created, ${100 * EVENT_MIX.payment} % payment.received, ${100 * EVENT_MIX.refund} % refund.created, ${100 * EVENT_MIX.complaint} % complaint.filed`,
    },
    baseline,
    engines,
  };
  process.stdout.write(`${reportLines(result).join('\n')}\n`);
  await writeFile(join(STREAM_BENCH_DIR, 'last.json'), `${JSON.stringify(result, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
