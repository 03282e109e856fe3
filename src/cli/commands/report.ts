import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { generateReport } from '../../app/reports/generate-report.js';
import { buildReport } from '../../app/tiering/build-report.js';
import { loadConfig } from '../../config.js';
import { REPORT_FORMATS, REPORT_LANGUAGES, REPORT_PERIODS } from '../../contracts/reports/report-request.js';
import { tieringReportLines } from '../format/tiering-report.js';
import { IsoDateOption } from '../shared/as-of-option.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { runAction } from '../shared/run-action.js';

const ReportOptionsSchema = z
  .object({
    ...DatabaseOptionShape,
    run: z.string().min(1).optional(),
    json: z.boolean().default(false),
    period: z.enum(REPORT_PERIODS).optional(),
    format: z.enum(REPORT_FORMATS).default('html'),
    lang: z.enum(REPORT_LANGUAGES).default('zh-CN'),
    asOf: IsoDateOption.optional(),
    out: z.string().min(1).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.period === undefined) {
      for (const key of ['out', 'asOf'] as const)
        if (o[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'needs --period' });
      return;
    }
    if (o.out === undefined)
      ctx.addIssue({ code: 'custom', path: ['out'], message: 'is required with --period' });
    if (o.run !== undefined)
      ctx.addIssue({ code: 'custom', path: ['run'], message: 'cannot be used with --period (use --as-of)' });
  });

type ReportOptions = z.infer<typeof ReportOptionsSchema>;

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** `--period`: the periodic analysis report written to --out, a progress line per step on stderr. */
async function writePeriodicReport(options: ReportOptions & { period: 'week' | 'month'; out: string }) {
  const rendered = await withDatabase(options, (engine) =>
    generateReport(
      engine,
      { period: options.period, format: options.format, language: options.lang, asOf: options.asOf },
      {
        timeZone: loadConfig().timeZone,
        onProgress: (done, total, step) => {
          if (!options.json && done < total) process.stderr.write(`[${done + 1}/${total}] ${step}\n`);
        },
      },
    ),
  );
  const file = resolve(options.out);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, rendered.bytes);
  const { title, periodStart, periodEnd, contentType } = rendered;
  if (options.json)
    printJson({ file, bytes: rendered.bytes.length, title, periodStart, periodEnd, contentType });
  else
    printLines([
      `${title} (${periodStart} – ${periodEnd})`,
      `Wrote ${file} (${kilobytes(rendered.bytes.length)})`,
    ]);
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      'Customers and revenue per tier, tags, migration since the previous run, distribution by city, type and cuisine; with --period, the weekly or monthly analysis report as HTML or PDF',
    )
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--run <id>', 'run to report (default: the latest)')
    .option('--json', 'print the report as JSON (with --period: what was written)')
    .option('--period <period>', 'week or month: write the periodic analysis report to --out')
    .option('--format <format>', 'html or pdf (PDF needs Chromium: apt-get install chromium)', 'html')
    .option('--lang <language>', 'zh-CN or en', 'zh-CN')
    .option(
      '--as-of <date>',
      'a day of the period to report, YYYY-MM-DD (default: the latest run’s as-of date)',
    )
    .option('--out <file>', 'file to write the periodic report to (its directory is created)')
    .action(
      runAction(async (raw: unknown) => {
        const options = ReportOptionsSchema.parse(raw);
        const { period, out } = options;
        if (period !== undefined && out !== undefined)
          return writePeriodicReport({ ...options, period, out });
        const report = await withDatabase(options, (engine) => buildReport(engine, options.run));
        if (options.json) printJson(report);
        else printLines(tieringReportLines(report));
      }),
    );
}
