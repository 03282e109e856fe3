import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { z } from 'zod';
import { DEFAULT_MIX_PSEUDO_ORDERS, forecastDemand } from '../../app/forecast/forecast-demand.js';
import {
  FORECAST_DIMENSIONS,
  ForecastDimensionSchema,
  type Forecast,
} from '../../contracts/forecast/forecast.js';
import { forecastLines } from '../format/forecast.js';
import { IsoDateOption, defaultAsOf } from '../shared/as-of-option.js';
import { CommaListOption } from '../shared/comma-list-option.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  databaseLocation,
  requireExistingDatabase,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { runAction } from '../shared/run-action.js';

const ForecastOptionsSchema = z.object({
  ...DatabaseOptionShape,
  weeks: z.coerce.number().int().min(1).max(52),
  asOf: IsoDateOption.optional(),
  holdout: z.boolean().default(false),
  evaluate: z.boolean().default(false),
  by: CommaListOption.pipe(z.array(ForecastDimensionSchema))
    // Canonical order, each once.
    .transform((dims) => FORECAST_DIMENSIONS.filter((d) => dims.includes(d))),
  model: z.enum(['bgnbd', 'pareto_nbd', 'mbgnbd']).default('bgnbd'),
  mixOrders: z.coerce.number().min(0).default(DEFAULT_MIX_PSEUDO_ORDERS),
  levelCorrection: z.boolean().default(true),
  out: z.string().min(1).optional(),
  top: z.coerce.number().int().min(0).default(15),
  json: z.boolean().default(false),
});

/** `stratum forecast`: expected order-line value and quantity per week × category × city × tier (docs/models.md). */
export function registerForecastCommand(program: Command): void {
  program
    .command('forecast')
    .description(
      'Demand forecast for procurement: expected order value and quantity per week, category, city and tier, from the CLV models and the order lines',
    )
    .option('--weeks <n>', 'weeks to forecast', '4')
    .option(
      '--as-of <date>',
      'last day of the history to forecast from (default: the last day with orders up to yesterday; with --holdout, that day − the weeks)',
    )
    .option(
      '--holdout',
      'forecast from a past day and compare with what was ordered, beside the naive forecast',
    )
    .option('--evaluate', 'the same as --holdout')
    .option('--by <dimensions>', 'cell dimensions: any of category,city,tier', FORECAST_DIMENSIONS.join(','))
    .option('--model <kind>', 'transaction model: bgnbd (default), pareto_nbd or mbgnbd')
    .option(
      '--mix-orders <n>',
      'average orders of the customer’s cuisine added to their category mix (shrinkage)',
      String(DEFAULT_MIX_PSEUDO_ORDERS),
    )
    .option('--no-level-correction', 'do not scale the forecast by the model’s miss over the last weeks')
    .option('--out <file.csv>', 'write every cell as CSV')
    .option('--top <n>', 'largest cells to list', '15')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      runAction(async (raw: unknown) => {
        const o = ForecastOptionsSchema.parse(raw);
        requireExistingDatabase(databaseLocation(o), 'import data first');
        const forecast = await withDatabase(o, (engine) =>
          forecastDemand(engine, {
            weeks: o.weeks,
            asOf: o.asOf,
            latest: defaultAsOf(),
            holdout: o.holdout || o.evaluate,
            by: o.by,
            model: o.model,
            mixPseudoOrders: o.mixOrders,
            levelCorrection: o.levelCorrection,
          }),
        );
        if (o.out !== undefined) await writeFile(o.out, cellsCsv(forecast));
        if (o.json) printJson(forecast);
        else
          printLines([
            ...forecastLines(forecast, o.top),
            ...(o.out ? ['', `All ${forecast.cells.length} cells written to ${o.out}`] : []),
          ]);
      }),
    );
}

function cellsCsv(f: Forecast): string {
  const holdout = f.evaluation !== null;
  const fields = [
    'week',
    'from',
    'to',
    ...f.by,
    'value',
    'quantity',
    'new_customer_value',
    ...(holdout ? ['actual_value', 'actual_quantity', 'naive_value', 'naive_quantity'] : []),
  ];
  const money = (x: number | undefined) => (x === undefined ? '' : x.toFixed(2));
  const data = f.cells.map((c) => [
    c.week,
    c.from,
    c.to,
    ...f.by.map((d) => c[d] ?? ''),
    money(c.value),
    money(c.quantity),
    money(c.newCustomerValue),
    ...(holdout
      ? [money(c.actualValue), money(c.actualQuantity), money(c.naiveValue), money(c.naiveQuantity)]
      : []),
  ]);
  return `${Papa.unparse({ fields, data }, { newline: '\n' })}\n`;
}
