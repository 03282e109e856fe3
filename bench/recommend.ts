import { pathToFileURL } from 'node:url';
import { evaluateRecommendations } from '../src/app/recommendations/evaluate-recommendations.js';
import { recommendForCustomer } from '../src/app/recommendations/recommend-customer.js';
import { DEFAULT_RECOMMENDATION_SETTINGS } from '../src/contracts/recommendations/recommendations.js';
import { addDays } from '../src/contracts/time/iso-date.js';
import type { Engine } from '../src/engines/engine.js';
import { evaluationLines } from '../src/cli/format/recommendations.js';
import { peerAdoptionSql } from '../src/sql/recommendations/peer-adoption-sql.js';
import { churnDemoDatabase, DEMO_SPEC } from './churn-data.js';
import { bestOf } from './best-of.js';

/**
 * `npm run bench:recommend` (or `npx tsx bench/recommend.ts`): on the churn benchmark's generated demo (5,000
 * customers, 16 months, cached under .bench-cache/churn), the offline evaluation of docs/recommendations.md —
 * recall@10 of the peer-based lists against the popularity baseline, measured in the same run — and the time of
 * the peer-adoption statements against a hand-written baseline query.
 */
const RUNS = 3;
const HOLDOUT_WEEKS = 4;
const K = 10;

const best = (work: () => Promise<unknown>): Promise<number> => bestOf(RUNS, work);

/**
 * Distinct buyers per cuisine × seat band × city × SKU over the window, every group, written by hand for DuckDB:
 * one join and one aggregate, the city level only.
 */
const baseline = (from: string, to: string) => `SELECT COALESCE(c.cuisine, '') AS cuisine,
  CASE WHEN c.seats IS NULL THEN 'unknown' WHEN c.seats < 50 THEN 'small' WHEN c.seats < 100 THEN 'medium' ELSE 'large' END AS band,
  c.city, l.sku, count(DISTINCT o.customer_id) AS buyers
FROM orders_clean o
JOIN order_lines_clean l ON l.order_id = o.order_id
JOIN customers_clean c ON c.customer_id = o.customer_id
WHERE o.status = 'completed' AND o.ordered_at >= CAST(DATE '${from}' AS TIMESTAMPTZ)
  AND o.ordered_at < CAST(DATE '${to}' + 1 AS TIMESTAMPTZ)
GROUP BY 1, 2, 3, 4`;

export async function run(): Promise<void> {
  const { engine } = await churnDemoDatabase();
  try {
    await report(engine);
  } finally {
    await engine.close();
  }
}

async function report(engine: Engine): Promise<void> {
  const d = engine.dialect;
  const { evaluation, customers } = await evaluateRecommendations(engine, {
    latest: DEMO_SPEC.end,
    holdoutWeeks: HOLDOUT_WEEKS,
    k: K,
  });
  const { cutoff } = evaluation;
  const settings = DEFAULT_RECOMMENDATION_SETTINGS;
  const window = { asOf: cutoff, lookbackDays: settings.lookbackDays };
  const targets = { kind: 'first_buyers', cutoff, asOf: evaluation.asOf } as const;
  const hand = await best(() => engine.all(baseline(addDays(cutoff, 1 - settings.lookbackDays), cutoff)));
  const ours = await best(() => engine.all(peerAdoptionSql(d, window, targets, settings.minPeers)));
  const one = customers[0]?.customerId ?? '';
  const single = await best(() =>
    recommendForCustomer(engine, { customerId: one, asOf: cutoff, latest: cutoff, limit: K }),
  );
  const evaluate = await best(() =>
    evaluateRecommendations(engine, { latest: DEMO_SPEC.end, holdoutWeeks: HOLDOUT_WEEKS, k: K }),
  );
  const ms = (x: number) => `${Math.round(x)} ms`;
  const ratio = evaluation.recallRatio;
  process.stdout.write(
    [
      `Demo ${DEMO_SPEC.customers} customers, seed ${DEMO_SPEC.seed}, ${DEMO_SPEC.months} months to ${DEMO_SPEC.end} (DuckDB); best of ${RUNS}`,
      '',
      ...evaluationLines(evaluation),
      '',
      `recall@${K}: peer-based ${(100 * evaluation.peerBased.recallAtK).toFixed(1)} %, popularity ${(100 * evaluation.popularity.recallAtK).toFixed(1)} %, ratio ${ratio === null ? '–' : ratio.toFixed(2)}×`,
      '',
      `baseline (city-level distinct buyers by hand, every group): ${ms(hand)}`,
      `peer adoption, 4 levels, the evaluated customers' groups:  ${ms(ours)} (${(ours / hand).toFixed(1)}× baseline)`,
      `one customer's recommendations (4 statements):            ${ms(single)}`,
      `whole evaluation (${evaluation.customers} customers):                  ${ms(evaluate)}`,
    ].join('\n') + '\n',
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
