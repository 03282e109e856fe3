import type { Command } from 'commander';
import { z } from 'zod';
import { loadTieringConfig } from '../../app/tiering/load-config.js';
import { backfillRuns } from '../../app/tiering/backfill-runs.js';
import { backfillDates } from '../../domain/tiering/backfill-dates.js';
import { stratumError } from '../../contracts/errors.js';
import { IsoDateOption } from '../shared/as-of-option.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { progressBar } from '../shared/progress.js';
import { runAction } from '../shared/run-action.js';

const BackfillOptionsSchema = z.object({
  ...DatabaseOptionShape,
  from: IsoDateOption,
  to: IsoDateOption,
  every: z.enum(['week', 'month']).default('week'),
  config: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

export function registerBackfillCommand(program: Command): void {
  program
    .command('backfill')
    .description('Build tier history: one run as of every week or month from --from to --to, in date order')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .requiredOption('--from <date>', 'first as-of date, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last as-of date, YYYY-MM-DD')
    .option('--every <period>', 'week or month', 'week')
    .option('--config <file>', 'tiering configuration YAML (default: config/tiering.default.yaml)')
    .option('--json', 'print the run summaries as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const options = BackfillOptionsSchema.parse(raw);
        const dates = backfillDates(options.from, options.to, options.every);
        if (dates.length === 0)
          throw stratumError('INVALID_ARGUMENT', `--from ${options.from} is after --to ${options.to}`, {
            field: 'from',
          });
        const config = await loadTieringConfig(options.config);
        const bar = progressBar(options.json ? false : undefined);
        bar.start(dates.length, 'Backfilling runs');
        const runs = await withDatabase(options, (engine) =>
          backfillRuns(engine, { config, dates, onRun: (done) => bar.update(done) }),
        ).finally(() => bar.stop());
        if (options.json) printJson({ runs });
        else
          printLines(
            runs.map(
              (r) =>
                `${r.asOf}  ${r.runId}  platinum ${r.tiers.platinum}  gold ${r.tiers.gold}  silver ${r.tiers.silver}  bronze ${r.tiers.bronze}  (${(r.durationMs / 1000).toFixed(1)} s)`,
            ),
          );
      }),
    );
}
