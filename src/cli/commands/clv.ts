import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { backtestTiering } from '../../app/clv/backtest-tiering.js';
import { evaluateClv } from '../../app/clv/evaluate-clv.js';
import { loadTieringConfig } from '../../app/tiering/load-config.js';
import { fitSummaries, fitTransactions } from '../../app/clv/fit-clv.js';
import { predictClv, type CustomerPrediction } from '../../app/clv/predict-clv.js';
import { readSummaryFile } from '../../app/clv/read-summary-file.js';
import { midpoint, withTransactionData, type TransactionData } from '../../app/clv/transaction-data.js';
import { PERIOD_DAYS, PeriodSchema } from '../../contracts/clv/periods.js';
import { IsoDateSchema } from '../../contracts/time/iso-date.js';
import type { FitResult } from '../../domain/clv/fit.js';
import { loadConfig } from '../../config.js';
import { backtestLines, clvEvaluationLines, clvFitLines, clvPredictionLines } from '../format/clv.js';
import { defaultAsOf } from '../shared/as-of-option.js';
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

const SourceShape = {
  ...DatabaseOptionShape,
  transactions: z.string().min(1).optional(),
  customerCol: z.string().min(1).optional(),
  dateCol: z.string().min(1).optional(),
  amountCol: z.string().min(1).optional(),
  dateFormat: z.string().min(1).optional(),
  asOf: IsoDateSchema.optional(),
  freq: PeriodSchema.optional(),
  penalty: z.coerce.number().min(0).default(0),
  maxIterations: z.coerce.number().int().positive().optional(),
  json: z.boolean().default(false),
};
const TransactionModelSchema = z.enum(['bgnbd', 'pareto_nbd', 'mbgnbd']);

const FitSchema = z
  .object({
    ...SourceShape,
    model: z.enum(['bgnbd', 'pareto_nbd', 'mbgnbd', 'gamma_gamma']).default('bgnbd'),
    summary: z.string().min(1).optional(),
    calibrationEnd: IsoDateSchema.optional(),
  })
  .refine((o) => !(o.summary && o.transactions), 'give --summary or --transactions, not both');
const EvaluateSchema = z.object({
  ...SourceShape,
  model: TransactionModelSchema.default('bgnbd'),
  calibrationEnd: IsoDateSchema.optional(),
  holdoutEnd: IsoDateSchema.optional(),
});
const PredictSchema = z.object({
  ...SourceShape,
  model: TransactionModelSchema.default('bgnbd'),
  horizonDays: z.coerce.number().int().min(1).default(365),
  discountRate: z.coerce.number().min(0).max(1).default(0.1),
  out: z.string().min(1).optional(),
  top: z.coerce.number().int().min(0).default(10),
});
const BacktestSchema = z.object({
  ...DatabaseOptionShape,
  asOf: IsoDateSchema,
  days: z.coerce.number().int().min(7).default(180),
  config: z.string().min(1).optional(),
  json: z.boolean().default(false),
});
type SourceOptions = z.infer<z.ZodObject<typeof SourceShape>>;

/** The stratum database's orders are read per customer day in days by default; a CSV like lifetimes, too. */
const periodOf = (o: SourceOptions) => o.freq ?? 'D';

/** Runs `work` over the purchases the options name: a transaction CSV, else the database's orders. */
async function withPurchases<T>(o: SourceOptions, work: (data: TransactionData) => Promise<T>): Promise<T> {
  const timeZone = loadConfig().timeZone;
  if (o.transactions !== undefined) {
    if (!o.customerCol || !o.dateCol)
      throw new z.ZodError([
        {
          code: 'custom',
          path: ['customerCol'],
          message: 'with --transactions, give --customer-col and --date-col',
          input: undefined,
        },
      ]);
    const columns = {
      customer: o.customerCol,
      date: o.dateCol,
      amount: o.amountCol,
      dateFormat: o.dateFormat,
    };
    return withTransactionData({ kind: 'csv', file: o.transactions, columns }, timeZone, work);
  }
  requireExistingDatabase(databaseLocation(o), 'import data first, or give --transactions FILE.csv');
  const asOf = o.asOf ?? defaultAsOf();
  return withDatabase(o, (engine) => withTransactionData({ kind: 'orders', engine, asOf }, timeZone, work));
}

const fitOptions = (o: SourceOptions) => ({
  penalty: o.penalty,
  ...(o.maxIterations === undefined ? {} : { maxIterations: o.maxIterations }),
});

/** The `--json` contract of `stratum clv fit` (add fields, never rename). */
const fitJson = (f: FitResult) => ({
  model: f.model,
  params: f.params,
  logLikelihood: f.logLikelihood,
  customers: f.customers,
  converged: f.converged,
  iterations: f.iterations,
});

const sourceOptions = (c: Command) =>
  c
    .option('--transactions <file>', 'a transaction CSV (or .csv.gz) instead of the database')
    .option('--customer-col <name>', 'customer id column of --transactions')
    .option('--date-col <name>', 'date column of --transactions (ISO date or timestamp)')
    .option('--amount-col <name>', 'amount column of --transactions (for Gamma-Gamma and CLV)')
    .option('--date-format <strptime>', 'format of the date column, e.g. %Y%m%d')
    .option('--freq <D|W>', 'time unit of frequency, recency and T: D (days, default) or W (weeks)')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--as-of <date>', 'database: the orders up to the end of this day (default: yesterday)')
    .option('--penalty <c>', 'L2 penalty on the parameters (lifetimes’ penalizer_coef)', '0')
    .option('--max-iterations <n>', 'optimiser iterations before the fit is declared not converged')
    .option('--json', 'print JSON');

/**
 * `stratum clv fit|evaluate|predict`: BG/NBD, Pareto/NBD, MBG/NBD and Gamma-Gamma on the database's orders or on
 * any transaction CSV (docs/models.md).
 */
export function registerClvCommand(program: Command): void {
  const clv = program
    .command('clv')
    .description('Customer lifetime value: BG/NBD, Pareto/NBD, MBG/NBD and Gamma-Gamma models');

  sourceOptions(
    clv
      .command('fit')
      .description('Fit a model by maximum likelihood and print its parameters')
      .option('--model <kind>', 'bgnbd (default), pareto_nbd, mbgnbd or gamma_gamma')
      .option('--summary <file>', 'a ready summary CSV: frequency/x, recency/t_x, T[, monetary/zbar]')
      .option('--calibration-end <date>', 'last day of the history to fit (default: the last purchase day)'),
  ).action(
    runAction(async (raw: unknown) => {
      const o = FitSchema.parse(raw);
      const fit =
        o.summary !== undefined
          ? fitSummaries(await readSummaryFile(o.summary), o.model, fitOptions(o))
          : await withPurchases(o, (data) =>
              fitTransactions(
                data,
                { calibrationEnd: o.calibrationEnd ?? data.lastDay, periodDays: PERIOD_DAYS[periodOf(o)] },
                o.model,
                fitOptions(o),
              ).then((f) => ({ f, data })),
            ).then(({ f, data }) => {
              if (!o.json) printLines(rejectedLines(data));
              return f;
            });
      if (o.json) printJson(fitJson(fit));
      else printLines(clvFitLines(fit));
    }),
  );

  sourceOptions(
    clv
      .command('evaluate')
      .description('Fit on a calibration period and compare the predicted with the actual holdout purchases')
      .option('--model <kind>', 'bgnbd (default), pareto_nbd or mbgnbd')
      .option('--calibration-end <date>', 'last day of calibration (default: the middle of the history)')
      .option('--holdout-end <date>', 'last day of the holdout (default: the last purchase day)'),
  ).action(
    runAction(async (raw: unknown) => {
      const o = EvaluateSchema.parse(raw);
      const result = await withPurchases(o, async (data) => {
        const holdoutEnd = o.holdoutEnd ?? data.lastDay;
        const calibrationEnd = o.calibrationEnd ?? midpoint(data.firstDay, holdoutEnd);
        if (calibrationEnd >= holdoutEnd)
          throw new z.ZodError([
            {
              code: 'custom',
              path: ['calibrationEnd'],
              message: `must be before the holdout end ${holdoutEnd}`,
              input: calibrationEnd,
            },
          ]);
        const evaluation = await evaluateClv(data, {
          model: o.model,
          calibrationEnd,
          holdoutEnd,
          period: periodOf(o),
          withSpend: o.transactions === undefined || o.amountCol !== undefined,
          fit: fitOptions(o),
        });
        return { evaluation, data };
      });
      if (o.json) printJson(result.evaluation);
      else printLines([...rejectedLines(result.data), ...clvEvaluationLines(result.evaluation)]);
    }),
  );

  registerBacktest(clv);

  sourceOptions(
    clv
      .command('predict')
      .description('Per customer: probability alive, expected purchases, spend and CLV over a horizon')
      .option('--model <kind>', 'bgnbd (default), pareto_nbd or mbgnbd')
      .option('--horizon-days <n>', 'prediction horizon in days', '365')
      .option('--discount-rate <r>', 'annual discount rate of the CLV, discounted monthly', '0.1')
      .option('--out <file>', 'write every customer’s predictions as CSV')
      .option('--top <n>', 'customers to list by CLV', '10'),
  ).action(
    runAction(async (raw: unknown) => {
      const o = PredictSchema.parse(raw);
      const result = await withPurchases(o, async (data) => ({
        data,
        predictions: await predictClv(data, {
          model: o.model,
          asOf: o.transactions === undefined ? (o.asOf ?? defaultAsOf()) : (o.asOf ?? data.lastDay),
          period: periodOf(o),
          horizonDays: o.horizonDays,
          annualDiscountRate: o.discountRate,
          fit: fitOptions(o),
        }),
      }));
      const { predictions } = result;
      if (o.out !== undefined) await writeFile(o.out, predictionsCsv(predictions.customers));
      const ranked = [...predictions.customers]
        .sort((a, b) => rankValue(b) - rankValue(a) || a.customerId.localeCompare(b.customerId))
        .slice(0, o.top);
      if (o.json)
        printJson({
          model: fitJson(predictions.transactionFit),
          spend: predictions.spendFit && fitJson(predictions.spendFit),
          customers: predictions.customers.length,
          top: ranked,
        });
      else
        printLines([
          ...rejectedLines(result.data),
          ...clvPredictionLines(predictions, ranked),
          ...(o.out ? [`Predictions written to ${o.out}`] : []),
        ]);
    }),
  );
}

/** `stratum clv backtest`: tiering models built as of a past date against the value that followed. */
function registerBacktest(clv: Command): void {
  clv
    .command('backtest')
    .description(
      'Score customers as of a past date with seed_rfm, rfm_quintile, weighted and predicted_clv models and measure how each separates their actual revenue in the following days',
    )
    .requiredOption('--as-of <date>', 'the past date the models are built as of')
    .option('--days <n>', 'length of the following period whose revenue is measured', '180')
    .option('--config <file>', 'tiering configuration whose windows and prediction settings to use')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      runAction(async (raw: unknown) => {
        const o = BacktestSchema.parse(raw);
        requireExistingDatabase(databaseLocation(o), 'import data first');
        const base = await loadTieringConfig(o.config);
        const b = await withDatabase(o, (engine) =>
          backtestTiering(engine, { base, asOf: o.asOf, followingDays: o.days }),
        );
        if (o.json) printJson(b);
        else printLines(backtestLines(b));
      }),
    );
}

const rankValue = (p: CustomerPrediction) => (Number.isNaN(p.clv) ? p.expectedPurchases : p.clv);

function rejectedLines(data: TransactionData): string[] {
  if (!data.rejected || data.rejected.count === 0) return [];
  return [
    `${data.rejected.count} row(s) left out:`,
    ...data.rejected.first.map((r) => `  line ${r.line}, ${r.field}: "${r.value ?? ''}"`),
  ];
}

const CSV_COLUMNS = [
  'customer_id',
  'frequency',
  'recency',
  'T',
  'probability_alive',
  'expected_purchases',
  'expected_spend',
  'predicted_margin',
  'clv',
] as const;

function predictionsCsv(rows: readonly CustomerPrediction[]): string {
  const cell = (v: number) => (Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : '');
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = rows.map((p) =>
    [
      quote(p.customerId),
      ...[
        p.x,
        p.tx,
        p.T,
        p.probabilityAlive,
        p.expectedPurchases,
        p.expectedSpend,
        p.predictedMargin,
        p.clv,
      ].map(cell),
    ].join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...lines].join('\n')}\n`;
}
