import type { Command } from 'commander';
import { z } from 'zod';
import { listAudit } from '../../app/accounts/audit.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { runAction } from '../shared/run-action.js';

const AuditSchema = z.object({
  ...DatabaseOptionShape,
  action: z.string().min(1).optional(),
  actor: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100_000).default(50),
  json: z.boolean().default(false),
});

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('The audit log, newest first: logins, config changes, runs, exports, keys, denials')
    .option('--action <action>', 'only this action, e.g. login_failed')
    .option('--actor <name>', 'only this user or key id')
    .option('--limit <n>', 'at most this many entries', '50')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--json', 'print as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const o = AuditSchema.parse(raw);
        const rows = await withDatabase(o, (engine) =>
          listAudit(engine, engine.dialect, { action: o.action, actor: o.actor, limit: o.limit }),
        );
        if (o.json) printJson(rows);
        else
          printLines(
            rows.length
              ? rows.map(
                  (r) =>
                    `${r.at}  ${r.actor ?? '-'}  ${r.action}${r.target ? `  ${r.target}` : ''}${r.ip ? `  from ${r.ip}` : ''}`,
                )
              : ['No audit entries.'],
          );
      }),
    );
}
