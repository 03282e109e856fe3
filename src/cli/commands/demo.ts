import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { DEMO_WEEKS, runDemo, type DemoProgress } from '../../app/demo/run-demo.js';
import { tieringReportLines } from '../format/tiering-report.js';
import { loadConfig } from '../../config.js';
import { cleaningReportLines } from '../format/cleaning-report.js';
import { generateSummaryLines } from '../format/generate-result.js';
import { sourceTotals } from '../../app/import/import-summary.js';
import { importSummaryLines } from '../format/import-result.js';
import { DB_OPTION_HELP, withDatabase } from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { progressBar, type Progress } from '../shared/progress.js';
import { runAction } from '../shared/run-action.js';

const DemoOptionsSchema = z.object({
  db: z.string().min(1).optional(),
  customers: z.coerce.number().int().min(100).max(2_000_000).default(5000),
  months: z.coerce.number().int().min(3).max(60).default(12),
  seed: z.coerce.number().int().min(0).default(42),
  dataDir: z.string().min(1).default('./data/demo'),
  json: z.boolean().default(false),
});

function showProgress(bar: Progress) {
  return (p: DemoProgress) => {
    if (p.stage === 'generate') {
      if (p.progress.customersDone === 0) bar.start(p.progress.customers, 'Generating demo data');
      bar.update(p.progress.customersDone);
    } else if (p.stage === 'import') {
      const e = p.progress;
      if (e.kind === 'file-started') bar.start(e.totalBytes, `Importing ${basename(e.file)}`);
      else if (e.kind === 'bytes') bar.update(e.bytesRead);
    } else if (p.stage === 'clean') {
      bar.start(p.progress.total, p.progress.label);
      bar.update(p.progress.index);
    } else {
      if (p.progress.done === 1) bar.start(p.progress.total, `Tiering runs, weekly for ${DEMO_WEEKS} weeks`);
      bar.update(p.progress.done);
    }
  };
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Generate a demo dataset (or reuse it), import it, clean it and run the tiering weekly for 12 weeks: what `npm start` runs',
    )
    .option('--db <path>', DB_OPTION_HELP)
    .option('--customers <n>', 'customer accounts to generate', '5000')
    .option('--months <m>', 'months of history', '12')
    .option('--seed <s>', 'random seed', '42')
    .option('--data-dir <dir>', 'where the generated CSV files go', './data/demo')
    .option('--json', 'print what was done as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const options = DemoOptionsSchema.parse(raw);
        const config = loadConfig();
        const bar = progressBar(options.json ? false : undefined);
        const result = await withDatabase(options.db, (engine) =>
          runDemo(engine, { ...options, timeZone: config.timeZone }, showProgress(bar)),
        ).finally(() => bar.stop());
        if (options.json) {
          printJson({
            generated: result.generated,
            imported: { sources: sourceTotals(result.imported), quarantine: result.imported.quarantine },
            cleaned: result.cleaned,
            report: result.report,
          });
          return;
        }
        printLines([
          result.generated
            ? generateSummaryLines(result.generated).join('\n')
            : `Reusing the demo dataset in ${options.dataDir} (same seed, customers and months)`,
          '',
          `Imported into ${options.db ?? config.dbPath}:`,
          ...importSummaryLines(result.imported, sourceTotals(result.imported)),
          '',
          ...cleaningReportLines(result.cleaned),
          '',
          ...(result.report ? tieringReportLines(result.report) : []),
          '',
          'Next: `npx stratum explain <customer-id>` for why a customer is in its tier; `npx stratum report` for this report.',
        ]);
      }),
    );
}
