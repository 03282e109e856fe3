import type { Command } from 'commander';
import { z } from 'zod';
import { loadTieringConfig } from '../../app/tiering/load-config.js';
import { runTiering } from '../../app/tiering/run-tiering.js';
import { runSummaryLines } from '../format/run-summary.js';
import { AS_OF_HELP, defaultAsOf, IsoDateOption } from '../shared/as-of-option.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { progressBar } from '../shared/progress.js';
import { runAction } from '../shared/run-action.js';

const RunOptionsSchema = z.object({
  ...DatabaseOptionShape,
  asOf: IsoDateOption.optional(),
  config: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description(
      'Run the tiering as of a date: features, scores, tiers, tags and policies, written as a snapshot',
    )
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--as-of <date>', AS_OF_HELP)
    .option('--config <file>', 'tiering configuration YAML (default: config/tiering.default.yaml)')
    .option('--json', 'print the run summary as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const options = RunOptionsSchema.parse(raw);
        const config = await loadTieringConfig(options.config);
        const bar = progressBar(options.json ? false : undefined);
        const summary = await withDatabase(options, (engine) =>
          runTiering(engine, {
            config,
            asOf: options.asOf ?? defaultAsOf(),
            onStep: (s) => {
              bar.start(s.total, s.label);
              bar.update(s.index);
            },
          }),
        ).finally(() => bar.stop());
        if (options.json) printJson(summary);
        else printLines(runSummaryLines(summary));
      }),
    );
}
