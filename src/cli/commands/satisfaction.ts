import type { Command } from 'commander';
import { z } from 'zod';
import { loadSatisfaction } from '../../app/satisfaction/load-satisfaction.js';
import { SatisfactionGroupingSchema } from '../../contracts/insights/satisfaction.js';
import { satisfactionLines } from '../format/satisfaction.js';
import { IsoDateOption } from '../shared/as-of-option.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  databaseLocation,
  requireExistingDatabase,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { runAction } from '../shared/run-action.js';

const SatisfactionOptionsSchema = z.object({
  ...DatabaseOptionShape,
  by: SatisfactionGroupingSchema.default('tier'),
  from: IsoDateOption.optional(),
  to: IsoDateOption.optional(),
  json: z.boolean().default(false),
});

/** `stratum satisfaction`: NPS and CSAT from the survey responses by tier, city or account manager (docs/surveys.md). */
export function registerSatisfactionCommand(program: Command): void {
  program
    .command('satisfaction')
    .description(
      'NPS and CSAT from the imported survey responses, by tier, city or account manager and by month, with and without recent complaints',
    )
    .option('--by <grouping>', 'tier (when answering), city or rep', 'tier')
    .option('--from <date>', 'first day of answers (default: 12 calendar months up to --to)')
    .option('--to <date>', 'last day of answers (default: the day of the latest answer)')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      runAction(async (raw: unknown) => {
        const o = SatisfactionOptionsSchema.parse(raw);
        requireExistingDatabase(databaseLocation(o), 'import data first');
        const satisfaction = await withDatabase(o, (engine) =>
          loadSatisfaction(engine, { by: o.by, from: o.from, to: o.to, personalVisible: true }),
        );
        if (o.json) printJson(satisfaction);
        else printLines(satisfactionLines(satisfaction));
      }),
    );
}
