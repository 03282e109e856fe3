import type { Command } from 'commander';
import { z } from 'zod';
import { addUser, disableUser, listUsers } from '../../app/accounts/users.js';
import { RoleSchema } from '../../contracts/access/roles.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { readStdin } from '../shared/read-stdin.js';
import { addListCommand } from '../shared/list-command.js';
import { runAction } from '../shared/run-action.js';

const AddSchema = z.object({
  ...DatabaseOptionShape,
  username: z.string().min(1),
  role: RoleSchema.exclude(['integration']),
  team: z.string().min(1).optional(),
  repId: z.string().min(1).optional(),
  passwordStdin: z.literal(true, { error: 'pass the password on standard input with --password-stdin' }),
  json: z.boolean().default(false),
});
const DbSchema = z.object({ ...DatabaseOptionShape, json: z.boolean().default(false) });

export function registerUsersCommand(program: Command): void {
  const users = program.command('users').description('People who sign in to the API and dashboard');
  users
    .command('add')
    .requiredOption('--username <name>', 'sign-in name')
    .requiredOption('--role <role>', 'admin, analyst, manager, rep or viewer')
    .option('--team <team>', 'manager: the team whose customers they see')
    .option('--rep-id <id>', 'rep: the sales rep id of their customers')
    .option('--password-stdin', 'read the password from standard input (never from the command line)')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--json', 'print the user as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const o = AddSchema.parse(raw);
        const password = await readStdin();
        const user = await withDatabase(o, (engine) =>
          addUser(
            engine,
            { username: o.username, password, role: o.role, team: o.team ?? null, repId: o.repId ?? null },
            new Date(),
          ),
        );
        if (o.json) printJson(user);
        else printLines([`Added ${user.username} (${user.role}).`]);
      }),
    );
  addListCommand(users, {
    load: listUsers,
    line: (u) =>
      `${u.username}  ${u.role}${u.team ? `  team ${u.team}` : ''}${u.repId ? `  rep ${u.repId}` : ''}${u.disabled ? '  (disabled)' : ''}`,
    empty: 'No users.',
  });
  users
    .command('disable')
    .argument('<username>')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .action(
      runAction(async (username: string, raw: unknown) => {
        const o = DbSchema.parse(raw);
        await withDatabase(o, (engine) => disableUser(engine, username));
        printLines([`Disabled ${username}; their sessions are closed.`]);
      }),
    );
}
