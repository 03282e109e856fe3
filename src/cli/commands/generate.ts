import type { Command } from 'commander';
import { generateDataset, type GenerateResult } from '../../app/generate/generate-dataset.js';
import { GenerateOptionsSchema } from '../../app/generate/generate-options.js';
import { generateSummaryLines } from '../format/generate-result.js';
import { printJson, printLines } from '../shared/output.js';
import { progressBar } from '../shared/progress.js';
import { runAction } from '../shared/run-action.js';

interface RawOptions {
  customers: string;
  seed: string;
  months: string;
  out: string;
  end?: string;
  workers?: string;
  customersPerRep?: string;
  cities?: string;
  json?: boolean;
}

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description('Generate a realistic, deterministic demo dataset: one CSV per source table and truth.json')
    .requiredOption('--customers <n>', 'number of customer accounts (duplicates included)')
    .requiredOption('--seed <s>', 'random seed; the same options give the same bytes')
    .requiredOption('--months <m>', 'months of history, ending at --end')
    .requiredOption('--out <dir>', 'directory to write the CSV files and truth.json to')
    .option('--end <date>', 'last day of the history, YYYY-MM-DD (default: yesterday in Asia/Shanghai)')
    .option('--workers <n>', 'worker threads (default: one per core; never changes the output)')
    .option(
      '--customers-per-rep <n>',
      'about one rep (account manager) per N real customers of a city (default 120)',
    )
    .option(
      '--cities <names>',
      'generate customers only in these cities, comma-separated, e.g. 北京,上海 (default: all)',
    )
    .option('--json', 'print the summary as JSON')
    .action(
      runAction(async (raw: RawOptions) => {
        const { json, ...rest } = raw;
        const options = GenerateOptionsSchema.parse(rest);
        const bar = progressBar(json ? false : undefined);
        bar.start(options.customers, 'Generating customers');
        let result: GenerateResult;
        try {
          result = await generateDataset(options, (p) => bar.update(p.customersDone));
        } finally {
          bar.stop();
        }
        if (json) printJson(result);
        else printLines(generateSummaryLines(result));
      }),
    );
}
