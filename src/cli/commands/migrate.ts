import type { Command } from 'commander';
import { z } from 'zod';
import { MIGRATIONS } from '../../sql/schema/migrations.js';
import { describeLocation } from '../../engines/registry.js';
import {
  databaseLocation,
  DatabaseOptionShape,
  DB_OPTION_HELP,
  openMigrated,
  PG_OPTION_HELP,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { runAction } from '../shared/run-action.js';

const MigrateSchema = z.object({ ...DatabaseOptionShape, json: z.boolean().default(false) });

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description(
      'Create the database or bring its schema up to date (every command and `serve` also do this on start)',
    )
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--json', 'print {"applied": [versions], "version": latest} as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const o = MigrateSchema.parse(raw);
        const location = databaseLocation(o);
        const { engine, applied } = await openMigrated(location);
        await engine.close();
        const version = MIGRATIONS.at(-1)?.version ?? 0;
        if (o.json) printJson({ applied, version });
        else
          printLines([
            applied.length
              ? `Applied migrations ${applied.join(', ')} to ${describeLocation(location)}:`
              : `${describeLocation(location)} is up to date (schema version ${version}).`,
            ...MIGRATIONS.filter((m) => applied.includes(m.version)).map(
              (m) => `  ${m.version}  ${m.description}`,
            ),
          ]);
      }),
    );
}
