import type { Command } from 'commander';
import { z } from 'zod';
import type { Engine } from '../../engines/engine.js';
import { DatabaseOptionShape, DB_OPTION_HELP, PG_OPTION_HELP, withDatabase } from './engine-option.js';
import { printJson, printLines } from './output.js';
import { runAction } from './run-action.js';

const ListSchema = z.object({ ...DatabaseOptionShape, json: z.boolean().default(false) });

/** `<parent> list [--db PATH] [--json]`: the rows as JSON, or one line each (or `empty` when there are none). */
export function addListCommand<T>(
  parent: Command,
  spec: { load: (engine: Engine) => Promise<readonly T[]>; line: (row: T) => string; empty: string },
): void {
  parent
    .command('list')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--json', 'print as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const o = ListSchema.parse(raw);
        const rows = await withDatabase(o, spec.load);
        if (o.json) printJson(rows);
        else printLines(rows.length ? rows.map(spec.line) : [spec.empty]);
      }),
    );
}
