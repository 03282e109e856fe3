import type { Command } from 'commander';
import { z } from 'zod';
import { loadTieringConfig } from '../../app/tiering/load-config.js';
import { whatIf, whatIfAsOf, type PolicyTotals } from '../../app/tiering/what-if.js';
import { TIERS } from '../../contracts/tiering/tiers.js';
import { AS_OF_HELP, defaultAsOf, IsoDateOption } from '../shared/as-of-option.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { runAction } from '../shared/run-action.js';

const WhatIfOptionsSchema = z.object({
  ...DatabaseOptionShape,
  config: z.string().min(1),
  asOf: IsoDateOption.optional(),
  json: z.boolean().default(false),
});

const yuan = (x: number) => `¥${x.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
const signed = (x: number, f: (v: number) => string) => `${x >= 0 ? '+' : '−'}${f(Math.abs(x))}`;

function costLine(label: string, c: PolicyTotals, f: (v: number) => string = yuan): string {
  return `${label.padEnd(10)} rebates ${f(c.rebateCost)}, discounts ${f(c.discountCost)}, credit exposure ${f(c.creditExposure)}, visits/month ${c.visitsPerMonth.toLocaleString('en-US')}, dedicated managers ${c.dedicatedManagers}`;
}

export function registerWhatIfCommand(program: Command): void {
  program
    .command('whatif')
    .description(
      'Compare the current configuration with a candidate on the same data, without writing anything',
    )
    .requiredOption('--config <file>', 'candidate configuration YAML')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--as-of <date>', AS_OF_HELP)
    .option('--json', 'print the comparison as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const options = WhatIfOptionsSchema.parse(raw);
        const candidate = await loadTieringConfig(options.config);
        const w = await withDatabase(options, async (engine) =>
          whatIf(engine, candidate, options.asOf ?? (await whatIfAsOf(engine, defaultAsOf()))),
        );
        if (options.json) return printJson(w);
        const cols = [...TIERS, 'excluded'];
        const cell = (from: string, to: string) =>
          String(w.migration.find((m) => m.from === from && m.to === to)?.customers ?? 0).padStart(9);
        printLines([
          `What-if as of ${w.asOf}: current (${w.currentFrom}) → candidate ${options.config}; ${w.moved.toLocaleString('en-US')} of ${w.customers.toLocaleString('en-US')} customers change tier`,
          '',
          `${'current \\ candidate'.padEnd(20)}${cols.map((c) => c.padStart(9)).join('')}`,
          ...cols.map((from) => `${from.padEnd(20)}${cols.map((to) => cell(from, to)).join('')}`),
          '',
          costLine('current', w.cost.current),
          costLine('candidate', w.cost.candidate),
          costLine('change', w.cost.change, (v) => signed(v, yuan)),
          '',
          ...(w.examples.length ? ['Largest customers that move:'] : []),
          ...w.examples.map(
            (e) =>
              `  ${e.customerId}  ${e.from ?? 'excluded'} → ${e.to ?? 'excluded'}  (score ${e.fromScore.toFixed(2)} → ${e.toScore.toFixed(2)})`,
          ),
        ]);
      }),
    );
}
