import type { Command } from 'commander';
import { z } from 'zod';
import { copyInstallation } from '../../app/copy/copy-installation.js';
import { describeLocation, parseLocation } from '../../engines/registry.js';
import { requireExistingDatabase, withDatabase } from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { progressBar } from '../shared/progress.js';
import { runAction } from '../shared/run-action.js';

/** `duckdb:PATH`, a bare path, or a postgres:// URL. */
const Location = z
  .string()
  .min(1)
  .transform((text) => parseLocation(text.replace(/^duckdb:/, '')));

const CopySchema = z.object({ from: Location, to: Location, json: z.boolean().default(false) });

export function registerCopyCommand(program: Command): void {
  program
    .command('copy')
    .description(
      'Move a whole installation between engines, e.g. from the embedded DuckDB file to PostgreSQL (docs/deployment.md)',
    )
    .requiredOption('--from <location>', 'duckdb:PATH or postgres://user@host:5432/db[?schema=name]')
    .requiredOption('--to <location>', 'an empty database: postgres://… or duckdb:PATH')
    .option('--json', 'print the rows copied per table as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const o = CopySchema.parse(raw);
        requireExistingDatabase(o.from, 'nothing to copy');
        const bar = progressBar(o.json ? false : undefined);
        let current = '';
        const result = await withDatabase(o.from, (from) =>
          withDatabase(o.to, (to) =>
            copyInstallation(from, to, (p) => {
              if (p.table !== current) {
                current = p.table;
                bar.start(Math.max(p.total, 1), p.table);
              }
              bar.update(p.copied);
            }),
          ),
        ).finally(() => bar.stop());
        if (o.json) printJson(result);
        else
          printLines([
            `Copied ${result.rows.toLocaleString('en')} rows from ${describeLocation(o.from)} to ${describeLocation(o.to)} in ${(result.durationMs / 1000).toFixed(1)} s:`,
            ...result.tables.filter((t) => t.rows > 0).map((t) => `  ${t.table.padEnd(24)} ${t.rows}`),
          ]);
      }),
    );
}
