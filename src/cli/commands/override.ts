import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config.js';
import { addOverride, listOverrides, removeOverride } from '../../app/tiering/overrides.js';
import { TIERS } from '../../contracts/tiering/tiers.js';
import { IsoDateOption } from '../shared/as-of-option.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { addListCommand } from '../shared/list-command.js';
import { runAction } from '../shared/run-action.js';

const AddSchema = z.object({
  ...DatabaseOptionShape,
  tier: z.enum(TIERS),
  reason: z.string().trim().min(3, 'say why, in a few words'),
  author: z.string().trim().min(1),
  until: IsoDateOption.optional(),
  json: z.boolean().default(false),
});
const DbSchema = z.object({ ...DatabaseOptionShape, json: z.boolean().default(false) });

export function registerOverrideCommand(program: Command): void {
  const override = program
    .command('override')
    .description('Manual tier overrides, with reason, author and expiry');
  override
    .command('add')
    .argument('<customer-id>', 'customer (surviving id) or chain id')
    .requiredOption('--tier <tier>', TIERS.join(', '))
    .requiredOption('--reason <text>', 'why')
    .requiredOption('--author <name>', 'who decides')
    .option('--until <date>', 'last day it applies, YYYY-MM-DD (default: until removed)')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--json', 'print the override as JSON')
    .action(
      runAction(async (customerId: string, raw: unknown) => {
        const o = AddSchema.parse(raw);
        const row = await withDatabase(o, (engine) =>
          addOverride(
            engine,
            { customerId, tier: o.tier, reason: o.reason, author: o.author, until: o.until },
            loadConfig().timeZone,
          ),
        );
        if (o.json) printJson(row);
        else
          printLines([
            `${row.overrideId}: ${customerId} is ${row.tier} from the next run${row.expiresAt ? ` until ${o.until}` : ''}`,
          ]);
      }),
    );
  addListCommand(override, {
    load: listOverrides,
    line: (r) =>
      `${r.overrideId}  ${r.customerId}  ${r.tier}  by ${r.author} ${r.createdAt}${r.expiresAt ? ` until ${r.expiresAt}` : ''}: ${r.reason}`,
    empty: 'No overrides.',
  });
  override
    .command('remove')
    .argument('<override-id>')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .action(
      runAction(async (overrideId: string, raw: unknown) => {
        const o = DbSchema.parse(raw);
        await withDatabase(o, (engine) => removeOverride(engine, overrideId));
        printLines([`Removed ${overrideId}; it no longer applies from the next run.`]);
      }),
    );
}
