import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { z } from 'zod';
import { lastOrderDay } from '../../app/churn/data-end.js';
import { evaluateChurn } from '../../app/churn/evaluate-churn.js';
import { readChurnModelFile } from '../../app/churn/read-churn-model.js';
import { scoreChurn } from '../../app/churn/score-churn.js';
import { trainChurnModel } from '../../app/churn/train-churn-model.js';
import { loadTieringConfig } from '../../app/tiering/load-config.js';
import { stratumError } from '../../contracts/errors.js';
import { churnEvaluationLines } from '../format/churn-evaluation.js';
import { count, percent } from '../format/numbers.js';
import { IsoDateOption } from '../shared/as-of-option.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { progressBar } from '../shared/progress.js';
import { runAction } from '../shared/run-action.js';

const PopulationShape = {
  windowDays: z.coerce.number().int().min(1).max(730).optional(),
  activeDays: z.coerce.number().int().min(1).optional(),
  trainingDates: z.coerce.number().int().min(1).max(52).optional(),
  seed: z.coerce.number().int().optional(),
};
const EvaluateSchema = z.object({
  ...DatabaseOptionShape,
  ...PopulationShape,
  asOf: IsoDateOption.optional(),
  config: z.string().min(1).optional(),
  json: z.boolean().default(false),
});
const ScoreSchema = z.object({
  ...DatabaseOptionShape,
  ...PopulationShape,
  asOf: IsoDateOption.optional(),
  model: z.string().min(1).optional(),
  saveModel: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

/** The options every churn subcommand takes. */
function withCommonOptions(command: Command): Command {
  return command
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option(
      '--window-days <n>',
      'churned = no completed order in this many days after the as-of date (default 60)',
    )
    .option(
      '--active-days <n>',
      'customers with an order in this many days up to the as-of date (default 365)',
    )
    .option('--training-dates <n>', 'as-of dates to train on, 28 days apart (default 4)')
    .option('--seed <n>', 'seed of the validation split and the trees (default 1)')
    .option('--json', 'print JSON');
}

const trainingOf = (o: z.infer<typeof EvaluateSchema> | z.infer<typeof ScoreSchema>) => ({
  population: {
    ...(o.windowDays === undefined ? {} : { windowDays: o.windowDays }),
    ...(o.activeDays === undefined ? {} : { activeDays: o.activeDays }),
  },
  trainingDates: o.trainingDates,
  seed: o.seed,
});

export function registerChurnCommand(program: Command): void {
  const churn = program
    .command('churn')
    .description('Churn model: gradient-boosted trees (and a logistic baseline) on the engine’s features');
  withCommonOptions(
    churn
      .command('evaluate')
      .description('Train on earlier as-of dates, test on a later one; both models side by side')
      .option('--as-of <date>', 'test as-of date (default: the last order day − the window)')
      .option('--config <file>', 'tiering configuration whose churn_warning tag is measured too'),
  ).action(
    runAction(async (raw: unknown) => {
      const o = EvaluateSchema.parse(raw);
      const rule = (await loadTieringConfig(o.config)).tags.find((t) => t.kind === 'churn_warning');
      const bar = progressBar(o.json ? false : undefined);
      const evaluation = await withDatabase(o, (engine) =>
        evaluateChurn(engine, {
          ...trainingOf(o),
          asOf: o.asOf,
          churnWarning: rule?.kind === 'churn_warning' ? rule : undefined,
          onStep: (s) => {
            bar.start(s.total, s.label);
            bar.update(s.index);
          },
        }),
      ).finally(() => bar.stop());
      if (o.json) printJson(evaluation);
      else printLines(churnEvaluationLines(evaluation));
    }),
  );
  withCommonOptions(
    churn
      .command('score')
      .description('P(churn) of every active customer as of a date, riskiest first')
      .option('--as-of <date>', 'date to score as of (default: the last order day)')
      .option(
        '--model <file>',
        'a model saved by --save-model (default: train one on the dates before --as-of)',
      )
      .option('--save-model <file>', 'save the model trained for this run as JSON')
      .option('--out <file.csv>', 'write every score as CSV: customer_id, churn_probability, flagged'),
  ).action(
    runAction(async (raw: unknown) => {
      const o = ScoreSchema.parse(raw);
      if (o.model && o.saveModel)
        throw stratumError('INVALID_ARGUMENT', 'give --model or --save-model, not both', { field: 'model' });
      const loaded = o.model === undefined ? undefined : await readChurnModelFile(o.model);
      const bar = progressBar(o.json ? false : undefined);
      const result = await withDatabase(o, async (engine) => {
        const asOf = o.asOf ?? (await lastOrderDay(engine));
        const file =
          loaded ??
          (await trainChurnModel(engine, {
            ...trainingOf(o),
            asOf,
            onStep: (s) => {
              bar.start(s.total, s.label);
              bar.update(s.index);
            },
          }));
        bar.stop();
        return { asOf, file, scores: await scoreChurn(engine, file, asOf) };
      }).finally(() => bar.stop());
      const { asOf, file, scores } = result;
      if (o.saveModel) await writeFile(o.saveModel, `${JSON.stringify(file)}\n`);
      if (o.out)
        await writeFile(
          o.out,
          `${Papa.unparse(
            scores.map((s) => ({
              customer_id: s.customerId,
              churn_probability: s.probability.toFixed(6),
              flagged: s.flagged ? 1 : 0,
            })),
            { newline: '\n' },
          )}\n`,
        );
      const flagged = scores.filter((s) => s.flagged).length;
      if (o.json) printJson({ asOf, threshold: file.threshold, trainedOn: file.trainedOn, flagged, scores });
      else
        printLines([
          `${count(scores.length)} active customers as of ${asOf}; ${count(flagged)} flagged (${percent(scores.length ? flagged / scores.length : 0)}) at P(churn in ${file.population.windowDays} days) ≥ ${file.threshold.toFixed(3)}`,
          `Model: ${file.model.kind}, trained on ${file.trainedOn.join(', ')}`,
          'Riskiest:',
          ...scores.slice(0, 20).map((s) => `  ${s.customerId.padEnd(16)} ${s.probability.toFixed(3)}`),
          ...(o.out ? [`All ${count(scores.length)} scores written to ${o.out}`] : []),
          ...(o.saveModel ? [`Model saved to ${o.saveModel}`] : []),
        ]);
    }),
  );
}
