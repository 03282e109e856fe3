import type { Command } from 'commander';
import { z } from 'zod';
import { cleanDatabase } from '../../app/clean/clean-database.js';
import {
  databaseLocation,
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  requireExistingDatabase,
  withDatabase,
} from '../shared/engine-option.js';
import { cleaningReportLines } from '../format/cleaning-report.js';
import { printJson, printLines } from '../shared/output.js';
import { progressBar } from '../shared/progress.js';
import { runAction } from '../shared/run-action.js';

const CleanOptionsSchema = z.object({
  ...DatabaseOptionShape,
  json: z.boolean().default(false),
});

type CleanOptions = z.infer<typeof CleanOptionsSchema>;

async function runClean(options: CleanOptions): Promise<void> {
  const location = databaseLocation(options);
  requireExistingDatabase(location, 'run `stratum import` first');
  const bar = progressBar(!options.json && process.stderr.isTTY === true);
  const report = await withDatabase(location, (engine) =>
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
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--json', 'print the report as JSON')
    .action(runAction(async (raw: unknown) => runClean(CleanOptionsSchema.parse(raw))));
}
