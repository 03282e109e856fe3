import type { Command } from 'commander';
import { z } from 'zod';
import { createApiKey, listApiKeys, revokeApiKey } from '../../app/accounts/api-keys.js';
import { recordAudit } from '../../app/accounts/audit.js';
import { PermissionSchema, RoleSchema } from '../../contracts/access/roles.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { addListCommand } from '../shared/list-command.js';
import { runAction } from '../shared/run-action.js';

const CreateSchema = z.object({
  ...DatabaseOptionShape,
  name: z.string().trim().min(1),
  role: RoleSchema.exclude(['manager', 'rep']).default('integration'),
  scopes: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(PermissionSchema))
    .optional(),
  json: z.boolean().default(false),
});
const DbSchema = z.object({ ...DatabaseOptionShape, json: z.boolean().default(false) });
const CLI = { actor: 'cli', actorKind: 'system' } as const;

export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('API keys for integrations (Authorization: Bearer KEY)');
  keys
    .command('create')
    .requiredOption('--name <name>', 'what the key is for')
    .option('--role <role>', 'role the key acts as', 'integration')
    .option('--scopes <list>', 'comma-separated permissions to limit the key to')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--json', 'print {"id", "key"} as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const o = CreateSchema.parse(raw);
        const created = await withDatabase(o, async (engine) => {
          const now = new Date();
          const k = await createApiKey(
            engine,
            engine.dialect,
            { name: o.name, role: o.role, scopes: o.scopes ?? null, createdBy: 'cli' },
            now,
          );
          await recordAudit(
            engine,
            engine.dialect,
            { ...CLI, action: 'key.created', target: k.id, details: { name: o.name, role: o.role } },
            now,
          );
          return k;
        });
        if (o.json) printJson(created);
        else printLines([`Key ${created.id} (shown once, store it now):`, created.key]);
      }),
    );
  addListCommand(keys, {
    load: listApiKeys,
    line: (k) =>
      `${k.id}  ${k.name}  ${k.role}${k.scopes ? `  [${k.scopes.join(', ')}]` : ''}${k.revokedAt ? `  revoked ${k.revokedAt}` : ''}`,
    empty: 'No API keys.',
  });
  keys
    .command('revoke')
    .argument('<id>')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .action(
      runAction(async (id: string, raw: unknown) => {
        const o = DbSchema.parse(raw);
        await withDatabase(o, async (engine) => {
          const now = new Date();
          await revokeApiKey(engine, engine.dialect, id, now);
          await recordAudit(engine, engine.dialect, { ...CLI, action: 'key.revoked', target: id }, now);
        });
        printLines([`Revoked ${id}.`]);
      }),
    );
}
