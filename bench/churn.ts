import { pathToFileURL } from 'node:url';
import { runChurnEvaluation, type ChurnEvaluationOptions } from '../src/app/churn/evaluate-churn.js';
import { loadTieringConfig } from '../src/app/tiering/load-config.js';
import type { ChurnEvaluation } from '../src/contracts/churn/evaluation.js';
import { addDays } from '../src/contracts/time/iso-date.js';
import type { Truth } from '../src/contracts/truth.js';
import type { Engine } from '../src/engines/engine.js';
import { churnEvaluationLines } from '../src/cli/format/churn-evaluation.js';
import { churnDemoDatabase, DEMO_SPEC, onlineRetailDatabase } from './churn-data.js';

/**
 * `npx tsx bench/churn.ts`: the churn figures of docs/models.md, GBDT against the logistic baseline, on the
 * generated demo (with the planted churners) and on UCI Online Retail when ../shared/datasets has it. Not timed:
 * the model quality, reproducible from the seeds.
 */
export async function run(): Promise<void> {
  const config = await loadTieringConfig();
  const rule = config.tags.find((t) => t.kind === 'churn_warning');
  const churnWarning = rule?.kind === 'churn_warning' ? rule : undefined;
  const { engine: demo, truth } = await churnDemoDatabase();
  try {
    for (const activeDays of [365, 90]) {
      const title = `Demo ${DEMO_SPEC.customers} customers, seed ${DEMO_SPEC.seed}, ${DEMO_SPEC.months} months to ${DEMO_SPEC.end}; active = an order in the last ${activeDays} days`;
      await report(title, demo, { population: { activeDays }, churnWarning }, truth);
    }
  } finally {
    await demo.close();
  }
  const retail = await onlineRetailDatabase();
  if (!retail) {
    process.stdout.write('\n(UCI Online Retail not found under ../shared/datasets: skipped)\n');
    return;
  }
  try {
    const options = { asOf: '2011-09-09', population: { windowDays: 90 } };
    await report('UCI Online Retail, test as of 2011-09-09, 90-day window', retail, {
      ...options,
      churnWarning,
    });
  } finally {
    await retail.close();
  }
}

async function report(title: string, engine: Engine, options: ChurnEvaluationOptions, truth?: Truth) {
  const run = await runChurnEvaluation(engine, options);
  process.stdout.write(`\n## ${title}\n\n${churnEvaluationLines(run.evaluation).join('\n')}\n`);
  if (truth) process.stdout.write(`\n${(await plantedLines(engine, truth, run)).join('\n')}\n`);
}

/**
 * The planted churners (churnDate = the day after their last order) in two windows: those stopping within the
 * test label window (A, A + W], and those that stopped in the W days before it, (A − W, A]. For each: how many
 * are in the test population and labelled churned, and the share each model puts among its riskiest 10 % and
 * flags at its threshold.
 */
async function plantedLines(
  engine: Engine,
  truth: Truth,
  run: Awaited<ReturnType<typeof runChurnEvaluation>>,
): Promise<string[]> {
  const e: ChurnEvaluation = run.evaluation;
  const a = e.test.asOf;
  const w = e.population.windowDays;
  const survivor = new Map(
    (await engine.all('SELECT customer_id, survivor_id FROM customer_survivors')).map((r) => [
      String(r.customer_id),
      String(r.survivor_id),
    ]),
  );
  const index = new Map(run.test.customerIds.map((id, i) => [id, i]));
  const cuts = e.models.map((m) => {
    const sorted = Float64Array.from(run.predictions[m.model]).sort().reverse();
    return sorted[Math.max(0, Math.round(0.1 * sorted.length) - 1)] ?? 1;
  });
  return [
    [addDays(a, -w), a],
    [a, addDays(a, w)],
  ].flatMap(([from = '', to = '']) => {
    const planted = new Set(
      truth.churned
        .filter((c) => c.churnDate > from && c.churnDate <= to)
        .map((c) => survivor.get(c.customerId) ?? c.customerId),
    );
    const present = [...planted].filter((id) => index.has(id));
    const labelled = present.filter((id) => run.test.y[index.get(id) as number] === 1).length;
    const share = (p: Float64Array, t: number) =>
      present.length === 0
        ? 0
        : present.filter((id) => (p[index.get(id) as number] as number) >= t).length / present.length;
    return [
      `Planted churners with churnDate in (${from}, ${to}]: ${planted.size}; ${present.length} in the test population, ${labelled} labelled churned`,
      ...e.models.map((m, i) => {
        const p = run.predictions[m.model];
        const top = (100 * share(p, cuts[i] as number)).toFixed(1);
        const flagged = (100 * share(p, m.operatingPoint.threshold)).toFixed(1);
        return `  ${m.model}: ${top} % among the riskiest 10 %, ${flagged} % flagged at the threshold`;
      }),
    ];
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
