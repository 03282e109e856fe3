import type { Command } from 'commander';
import { z } from 'zod';
import { buildReport } from '../../app/tiering/build-report.js';
import { tieringReportLines } from '../format/tiering-report.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { runAction } from '../shared/run-action.js';

const ReportOptionsSchema = z.object({
  ...DatabaseOptionShape,
  run: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      'Customers and revenue per tier, tags, migration since the previous run, distribution by city, type and cuisine',
    )
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--run <id>', 'run to report (default: the latest)')
    .option('--json', 'print the report as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const options = ReportOptionsSchema.parse(raw);
        const report = await withDatabase(options, (engine) => buildReport(engine, options.run));
        if (options.json) printJson(report);
        else printLines(tieringReportLines(report));
      }),
    );
}
