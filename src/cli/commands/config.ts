import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  activateConfigVersion,
  getConfigVersion,
  listConfigVersions,
  saveConfigVersion,
  type ConfigVersionSummary,
} from '../../app/configs/config-versions.js';
import { stratumError } from '../../contracts/errors.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { runAction } from '../shared/run-action.js';

const DbSchema = z.object({ ...DatabaseOptionShape, json: z.boolean().default(false) });
const SaveSchema = DbSchema.extend({ file: z.string().min(1), comment: z.string().min(1).optional() });
const Version = z.coerce.number().int().min(1);

const line = (v: ConfigVersionSummary) =>
  `${v.active ? '*' : ' '} version ${v.version}  ${v.createdAt}  ${v.createdBy}  ${v.configHash.slice(0, 12)}${v.comment ? `  ${v.comment}` : ''}`;

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw stratumError('FILE_UNREADABLE', `${file}: ${(e as Error).message}`, { file });
  }
}

/**
 * `stratum config list|show|save|activate`: the configuration versions that runs started by `stratum serve`
 * (API and schedules) use; the same versions as /api/v1/configs.
 */
export function registerConfigCommand(program: Command): void {
  const config = program
    .command('config')
    .description('Tiering configuration versions used by the server (API and scheduled runs)');
  config
    .command('list')
    .description('Every version, newest first (* = active)')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--json', 'print as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const o = DbSchema.parse(raw);
        const rows = await withDatabase(o, (engine) => listConfigVersions(engine, new Date()));
        if (o.json) printJson(rows);
        else printLines(rows.map(line));
      }),
    );
  config
    .command('show')
    .description("Print one version's YAML")
    .argument('<version>')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--json', 'print the version as JSON')
    .action(
      runAction(async (version: string, raw: unknown) => {
        const o = DbSchema.parse(raw);
        const v = await withDatabase(o, (engine) =>
          getConfigVersion(engine, Version.parse(version), new Date()),
        );
        if (o.json) printJson(v);
        else process.stdout.write(v.yaml);
      }),
    );
  config
    .command('save')
    .description('Validate a YAML file and save it as the next version (inactive until activated)')
    .requiredOption('--file <file>', 'tiering configuration YAML')
    .option('--comment <text>', 'why')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--json', 'print the version as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const o = SaveSchema.parse(raw);
        const yaml = await readText(o.file);
        const v = await withDatabase(o, (engine) =>
          saveConfigVersion(engine, { yaml, comment: o.comment ?? null, author: 'cli' }, new Date()),
        );
        if (o.json) printJson(v);
        else
          printLines([
            `Saved version ${v.version}; \`stratum config activate ${v.version}\` makes runs use it.`,
          ]);
      }),
    );
  config
    .command('activate')
    .description('Make a version the active one')
    .argument('<version>')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--json', 'print the version as JSON')
    .action(
      runAction(async (version: string, raw: unknown) => {
        const o = DbSchema.parse(raw);
        const v = await withDatabase(o, (engine) =>
          activateConfigVersion(engine, Version.parse(version), new Date()),
        );
        if (o.json) printJson(v);
        else printLines([`Version ${v.version} is active.`]);
      }),
    );
}
