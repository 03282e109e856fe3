import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { assortmentCsv } from '../../app/recommendations/assortment-csv.js';
import { customAssortments } from '../../app/recommendations/custom-assortments.js';
import { evaluateRecommendations } from '../../app/recommendations/evaluate-recommendations.js';
import { recommendForCustomer } from '../../app/recommendations/recommend-customer.js';
import { stratumError } from '../../contracts/errors.js';
import { DEFAULT_RECOMMENDATION_SETTINGS } from '../../contracts/recommendations/recommendations.js';
import { TIERS } from '../../contracts/tiering/tiers.js';
import { evaluationLines, recommendationLines } from '../format/recommendations.js';
import { count } from '../format/numbers.js';
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

const RecommendOptionsSchema = z.object({
  ...DatabaseOptionShape,
  asOf: IsoDateOption.optional(),
  limit: z.coerce.number().int().min(1).max(100),
  lang: z.enum(['zh-CN', 'en']),
  minPeers: z.coerce.number().int().min(1),
  priorPeers: z.coerce.number().min(0),
  lookbackDays: z.coerce.number().int().min(7).max(3660),
  evaluate: z.boolean().default(false),
  holdoutWeeks: z.coerce.number().int().min(1).max(52),
  export: z.boolean().default(false),
  tiers: CommaListOption.pipe(z.array(z.enum(TIERS)).min(1)),
  run: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  json: z.boolean().default(false),
});
type RecommendOptions = z.infer<typeof RecommendOptionsSchema>;

const settingsOf = (o: RecommendOptions) => ({
  minPeers: o.minPeers,
  priorPeers: o.priorPeers,
  lookbackDays: o.lookbackDays,
});

/** `stratum recommend`: assortment recommendations from peers (docs/recommendations.md). */
export function registerRecommendCommand(program: Command): void {
  const d = DEFAULT_RECOMMENDATION_SETTINGS;
  program
    .command('recommend')
    .description(
      'Assortment recommendations: SKUs that customers of the same cuisine and size nearby buy and this customer never has; --evaluate scores them on a holdout, --export writes custom-assortment lists',
    )
    .argument('[customer-id]', 'customer id (a merged duplicate id is answered through its survivor)')
    .option(
      '--as-of <date>',
      'last day of the history (default: the last day with order lines up to yesterday)',
    )
    .option('--limit <n>', 'SKUs per customer (and K of the evaluation)', '10')
    .option('--lang <language>', 'language of the reasons: zh-CN or en', 'zh-CN')
    .option('--min-peers <n>', 'fewest peers of a district or city before widening', String(d.minPeers))
    .option(
      '--prior-peers <n>',
      'pseudo-peers of the shrinkage toward the wider areas and popularity',
      String(d.priorPeers),
    )
    .option('--lookback-days <n>', 'the peers’ purchases of the last N days count', String(d.lookbackDays))
    .option(
      '--evaluate',
      'hide the last weeks, recommend from the history before and score against the popularity baseline',
    )
    .option('--holdout-weeks <n>', 'weeks hidden by --evaluate', '4')
    .option('--export', 'write the custom-assortment lists of a run’s tiers to --out (CSV)')
    .option('--tiers <tiers>', 'tiers of --export', 'platinum,gold')
    .option(
      '--run <id>',
      'run whose tiers --export lists (default: the latest); its as-of date is the history’s end',
    )
    .option('--out <file.csv>', 'CSV file of --export')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      runAction(async (customerId: string | undefined, raw: unknown) => {
        const o = RecommendOptionsSchema.parse(raw);
        requireExistingDatabase(databaseLocation(o), 'import data first');
        if (o.evaluate) return evaluate(o);
        if (o.export) return exportLists(o);
        if (customerId === undefined)
          throw stratumError('INVALID_ARGUMENT', 'give a customer id, --evaluate or --export', {
            field: 'customerId',
          });
        const r = await withDatabase(o, (engine) =>
          recommendForCustomer(engine, {
            customerId,
            asOf: o.asOf,
            latest: defaultAsOf(),
            limit: o.limit,
            settings: settingsOf(o),
          }),
        );
        if (o.json) printJson(r);
        else printLines(recommendationLines(r, o.lang));
      }),
    );
}

async function evaluate(o: RecommendOptions): Promise<void> {
  const { evaluation } = await withDatabase(o, (engine) =>
    evaluateRecommendations(engine, {
      asOf: o.asOf,
      latest: defaultAsOf(),
      holdoutWeeks: o.holdoutWeeks,
      k: o.limit,
      settings: settingsOf(o),
    }),
  );
  if (o.json) printJson(evaluation);
  else printLines(evaluationLines(evaluation));
}

async function exportLists(o: RecommendOptions): Promise<void> {
  const out = o.out;
  if (out === undefined)
    throw stratumError('INVALID_ARGUMENT', '--export needs --out FILE.csv', { field: 'out' });
  const lists = await withDatabase(o, (engine) =>
    customAssortments(engine, {
      tiers: o.tiers,
      runId: o.run,
      limit: o.limit,
      settings: settingsOf(o),
      scope: { kind: 'all' },
    }),
  );
  await writeFile(out, assortmentCsv(lists.rows, o.lang));
  const summary = {
    runId: lists.runId,
    asOf: lists.asOf,
    tiers: o.tiers,
    customers: lists.customers,
    rows: lists.rows.length,
    out,
  };
  if (o.json) printJson(summary);
  else
    printLines([
      `Custom-assortment lists of run ${lists.runId} (as of ${lists.asOf}), tiers ${o.tiers.join(', ')}: ${count(lists.customers)} customers, ${count(lists.rows.length)} rows written to ${out}`,
    ]);
}
