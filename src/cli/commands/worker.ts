import type { Command } from 'commander';
import { z } from 'zod';
import { DEFAULT_CACHED_UNITS } from '../../app/stream/unit-cache.js';
import { startWorker } from '../../app/stream/worker.js';
import { loadConfig } from '../../config.js';
import { stratumError } from '../../contracts/errors.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  openDatabase,
} from '../shared/engine-option.js';
import { runAction } from '../shared/run-action.js';
import { addStreamOptions, natsUrlOf, openStreamBus, StreamOptionShape } from '../shared/stream-option.js';
import { workerReporter } from '../shared/worker-reporter.js';

const WorkerSchema = z.object({
  ...DatabaseOptionShape,
  ...StreamOptionShape,
  maxBatch: z.coerce.number().int().min(1).max(10_000).default(500),
  cachedUnits: z.coerce.number().int().min(0).max(10_000_000).default(DEFAULT_CACHED_UNITS),
  json: z.boolean().default(false),
});

export function registerWorkerCommand(program: Command): void {
  const command = program
    .command('worker')
    .description(
      'Apply events from NATS JetStream until stopped (Ctrl-C or SIGTERM finishes the running batch): each event updates its customer’s data, tier, tags and policy and emits tier.changed, tag.added, tag.removed',
    )
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP);
  addStreamOptions(command)
    .option('--max-batch <n>', 'most events applied in one transaction', '500')
    .option(
      '--cached-units <n>',
      'most customers (or chains) whose rows the worker keeps in memory; all are read at start when they fit (0: read each time)',
      String(DEFAULT_CACHED_UNITS),
    )
    .option('--json', 'print progress as JSON lines')
    .action(
      runAction(async (raw: unknown) => {
        const o = WorkerSchema.parse(raw);
        const url = natsUrlOf(o);
        if (!url)
          throw stratumError(
            'INVALID_ARGUMENT',
            'stratum worker reads events from NATS JetStream: give --nats or $STRATUM_NATS_URL (without NATS, `stratum serve` applies the events it receives itself)',
            { field: 'nats' },
          );
        const config = loadConfig();
        const engine = await openDatabase(o);
        const bus = await openStreamBus(url, o, 'stratum worker');
        const report = workerReporter(o.json);
        const worker = await startWorker({
          engine,
          bus,
          timeZone: config.timeZone,
          maxBatch: o.maxBatch,
          cachedUnits: o.cachedUnits,
          onBatch: report.batch,
          onDeadLetter: report.deadLetter,
          onError: report.error,
        });
        report.started(url, bus.names.stream);
        void worker.ready.then(report.unitsRead);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await worker.stop();
        report.stopped();
        await bus.close();
        await engine.close();
      }),
    );
}
