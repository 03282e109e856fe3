import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config.js';
import { importFiles } from '../../app/import/import-files.js';
import type { ImportTarget } from '../../app/import/import-types.js';
import { sourceTotals } from '../../app/import/import-summary.js';
import { importMoreNote, importSummaryLines } from '../format/import-result.js';
import { loadMappingFile } from '../../app/import/mapping-file.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { progressBar } from '../shared/progress.js';
import { runAction } from '../shared/run-action.js';

const ImportOptionsSchema = z
  .object({
    ...DatabaseOptionShape,
    dir: z.string().min(1).optional(),
    source: z.string().min(1).optional(),
    file: z.string().min(1).optional(),
    mapping: z.string().min(1).optional(),
    encoding: z.enum(['auto', 'utf8', 'gbk']).default('auto'),
    json: z.boolean().default(false),
  })
  .superRefine((o, ctx) => {
    const single = o.source !== undefined || o.file !== undefined;
    if (o.dir !== undefined && single)
      ctx.addIssue({
        code: 'custom',
        path: ['dir'],
        message: 'give either --dir or --source with --file, not both',
      });
    else if (o.dir === undefined && !single)
      ctx.addIssue({
        code: 'custom',
        path: ['dir'],
        message: 'give --dir DIR, or --source NAME with --file F',
      });
    else if (single && (o.source === undefined || o.file === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [o.source === undefined ? 'source' : 'file'],
        message: '--source and --file go together',
      });
  });

type ImportOptions = z.infer<typeof ImportOptionsSchema>;

const JSON_QUARANTINE_LIMIT = 100;

async function runImport(options: ImportOptions): Promise<void> {
  const config = loadConfig();
  const target: ImportTarget =
    options.dir !== undefined
      ? { kind: 'dir', dir: options.dir }
      : { kind: 'file', source: options.source!, file: options.file! };
  const mapping = options.mapping ? await loadMappingFile(options.mapping) : undefined;
  const bar = progressBar();
  const result = await withDatabase(options, (engine) =>
    importFiles(
      engine,
      {
        target,
        ...(mapping ? { mapping } : {}),
        encoding: options.encoding,
        timeZone: config.timeZone,
        quarantineListLimit: JSON_QUARANTINE_LIMIT,
      },
      (event) => {
        if (event.kind === 'file-started') bar.start(event.totalBytes, basename(event.file));
        else if (event.kind === 'bytes') bar.update(event.bytesRead);
        else if (event.kind === 'file-finished') bar.stop();
      },
    ),
  ).finally(() => bar.stop());
  const sources = sourceTotals(result);
  if (options.json) {
    printJson({ sources, quarantine: result.quarantine });
    const note = importMoreNote(result);
    if (note) process.stderr.write(`stratum: ${note}\n`);
  } else {
    printLines(importSummaryLines(result, sources));
  }
  const accepted = result.files.reduce((n, f) => n + f.loaded + f.updated + f.duplicates, 0);
  if (accepted === 0) {
    process.stderr.write(
      'stratum: nothing could be loaded: every row was quarantined or the files have no rows\n',
    );
    process.exitCode = 1;
  }
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Import source files (CSV, Excel .xlsx, Parquet, JSON lines) with validation and quarantine')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option(
      '--dir <dir>',
      'import every file of a directory; the file name tells the source (订单.csv → orders)',
    )
    .option('--source <name>', 'source table of --file (orders, customers, …)')
    .option('--file <path>', 'one file to import into --source')
    .option(
      '--mapping <file>',
      'YAML mapping of headers to columns and file names to sources (docs/import.md)',
    )
    .option('--encoding <encoding>', 'CSV/JSONL text encoding: auto, utf8 or gbk', 'auto')
    .option('--json', 'print the result as JSON')
    .action(runAction(async (raw: unknown) => runImport(ImportOptionsSchema.parse(raw))));
}
