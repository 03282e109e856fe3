import { planAllocation } from '../src/app/allocation/plan-allocation.js';
import { AllocationSettingsSchema } from '../src/contracts/allocation/settings.js';
import type { AllocationPlan, StrategyMetrics } from '../src/contracts/allocation/plan.js';
import { buildProblem } from '../src/domain/allocation/build-problem.js';
import { zScoreStrategy } from '../src/domain/allocation/zscore-strategy.js';
import { openEngine } from '../src/engines/registry.js';
import { ALLOCATION_BENCH_TZ, allocationBenchDatabase, type AllocationBenchSpec } from './allocation-data.js';

const SPECS: readonly AllocationBenchSpec[] = [
  { name: 'city-20k', customers: 20_000, customersPerRep: 200, cities: ['北京'] },
  { name: 'national-200k', customers: 200_000, customersPerRep: 100 },
];

const log = (line: string) => process.stdout.write(`${line}\n`);
const yuan = (x: number) => `¥${(x / 1e6).toFixed(2)}M`;
const pct = (x: number | null, digits = 3) => (x === null ? '–' : `${(100 * x).toFixed(digits)} %`);

function metricsLine(label: string, m: StrategyMetrics): string {
  return `  ${label.padEnd(10)} value served ${yuan(m.valueServed)}, travel ${yuan(m.travelCost)}, net ${yuan(m.net)}, over capacity ${m.overCapacityOwners}, workload Gini ${m.workloadGini.toFixed(3)}, utilisation ${pct(m.utilizationMin, 0)}–${pct(m.utilizationMax, 0)}, moves ${m.moves}`;
}

function report(
  spec: AllocationBenchSpec,
  plan: AllocationPlan,
  reps: number,
  customers: number,
  zScoreMs: number,
): void {
  const reasons = new Map<string, number>();
  for (const u of plan.unassigned) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
  const o = plan.comparison.optimiser;
  const z = plan.comparison.zScore;
  log(
    `${spec.name}: ${customers.toLocaleString('en-US')} customers, ${reps.toLocaleString('en-US')} reps, ${plan.components} components`,
  );
  log(
    `  solve ${plan.seconds.solve.toFixed(1)} s (load ${plan.seconds.load.toFixed(1)} s, total ${plan.seconds.total.toFixed(1)} s), status ${plan.status}`,
  );
  log(
    `  objective ${yuan(plan.objective)}, LP bound ${plan.bound === null ? '–' : yuan(plan.bound)}, gap ${pct(plan.gap)}`,
  );
  log(
    `  assigned ${plan.assigned}, unassigned ${plan.unassigned.length} (${[...reasons].map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}), moves ${plan.moves.length}`,
  );
  log(
    `  workload Gini ${plan.workloadGini.toFixed(3)}, max/min ${plan.workloadMax.toFixed(1)}/${plan.workloadMin.toFixed(1)} points`,
  );
  log(metricsLine('optimiser', o));
  log(metricsLine('z-score', z));
  log(
    `  baseline (z-score strategy on the same problem) ${zScoreMs.toFixed(0)} ms; optimiser/baseline: net ×${(o.net / z.net).toFixed(3)}, travel ×${(o.travelCost / z.travelCost).toFixed(3)}, time ×${((plan.seconds.solve * 1000) / zScoreMs).toFixed(0)}`,
  );
}

/** Both problems, or the one named (`npm run bench:allocation -- city-20k`). */
export async function run(only?: string): Promise<void> {
  for (const spec of SPECS) {
    if (only && only !== spec.name) continue;
    const path = await allocationBenchDatabase(spec, log);
    const engine = await openEngine({ kind: 'duckdb', path }, { timeZone: ALLOCATION_BENCH_TZ });
    try {
      for (const [label, settings] of [
        ['', AllocationSettingsSchema.parse({ maxMovesPct: null })],
        [' --max-moves 5%', AllocationSettingsSchema.parse({ maxMovesPct: 5 })],
      ] as const) {
        const round = await planAllocation(engine, { settings });
        const zStart = performance.now();
        zScoreStrategy(buildProblem(round.input.customers, round.input.reps, settings));
        const zScoreMs = performance.now() - zStart;
        report(
          { ...spec, name: `${spec.name}${label}` },
          round.plan,
          round.input.reps.length,
          round.input.customers.length,
          zScoreMs,
        );
      }
    } finally {
      await engine.close();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run(process.argv[2]);
