import type { Command } from 'commander';
import { z } from 'zod';
import { resolveRunId } from '../../app/tiering/build-report.js';
import { exportSnapshotSql } from '../../sql/tiering/export.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { runAction } from '../shared/run-action.js';

const ExportOptionsSchema = z.object({
  ...DatabaseOptionShape,
  run: z.string().min(1).optional(),
  format: z.enum(['csv', 'parquet']),
  out: z.string().min(1),
  json: z.boolean().default(false),
});

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Export a run: one row per customer with tier, score, tags, policy and features')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--run <id>', 'run to export (default: the latest)')
    .requiredOption('--format <format>', 'csv or parquet')
    .requiredOption('--out <file>', 'file to write')
    .option('--json', 'print what was written as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const options = ExportOptionsSchema.parse(raw);
        const result = await withDatabase(options, async (engine) => {
          const runId = await resolveRunId(engine, options.run);
          const rows = await engine.exportTo(
            exportSnapshotSql(engine.dialect, runId),
            options.out,
            options.format,
          );
          return { runId, rows, file: options.out, format: options.format };
        });
        if (options.json) printJson(result);
        else
          printLines([
            `Exported ${result.rows} customers of run ${result.runId} to ${result.file} (${result.format})`,
          ]);
      }),
    );
}
