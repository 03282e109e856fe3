import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { cleanDatabase } from '../../app/clean/clean-database.js';
import { loadConfig } from '../../config.js';
import { stratumError } from '../../contracts/errors.js';
import { DB_OPTION_HELP, withDatabase } from '../shared/engine-option.js';
import { cleaningReportLines } from '../format/cleaning-report.js';
import { printJson, printLines } from '../shared/output.js';
import { progressBar } from '../shared/progress.js';
import { runAction } from '../shared/run-action.js';

const CleanOptionsSchema = z.object({
  db: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

type CleanOptions = z.infer<typeof CleanOptionsSchema>;

async function runClean(options: CleanOptions): Promise<void> {
  const path = options.db ?? loadConfig().dbPath;
  if (!existsSync(path))
    throw stratumError('DATABASE_MISSING', `no database at ${path}; run \`stratum import\` first`, { path });
  const bar = progressBar(!options.json && process.stderr.isTTY === true);
  const report = await withDatabase(path, (engine) =>
    cleanDatabase(engine, {
      onStep: (step) => {
        bar.start(step.total, step.label);
        bar.update(step.index);
      },
    }),
  ).finally(() => bar.stop());
  if (options.json) printJson(report);
  else printLines(cleaningReportLines(report));
}

export function registerCleanCommand(program: Command): void {
  program
    .command('clean')
    .description(
      'Normalise customer names and addresses, merge duplicate customers and flag outlier orders and refunds (docs/cleaning.md)',
    )
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print the report as JSON')
    .action(runAction(async (raw: unknown) => runClean(CleanOptionsSchema.parse(raw))));
}
