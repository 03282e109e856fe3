import type { AllocationPlan, StrategyMetrics } from '../../contracts/allocation/plan.js';
import type { AssignmentExplanation } from '../../domain/allocation/explain-assignment.js';
import { count, percent, yuan } from './numbers.js';

const points = (x: number) => x.toFixed(1);
const SHOWN_OWNERS = 10;
const SHOWN_MOVES = 10;

function comparisonLines(o: StrategyMetrics, z: StrategyMetrics): string[] {
  const rows: [string, string, string][] = [
    ['value served / year', yuan(o.valueServed), yuan(z.valueServed)],
    ['travel cost / year', yuan(o.travelCost), yuan(z.travelCost)],
    ['net / year', yuan(o.net), yuan(z.net)],
    ['owners over capacity', count(o.overCapacityOwners), count(z.overCapacityOwners)],
    ['workload Gini', o.workloadGini.toFixed(3), z.workloadGini.toFixed(3)],
    [
      'utilisation max–min',
      `${percent(o.utilizationMax, 0)}–${percent(o.utilizationMin, 0)}`,
      `${percent(z.utilizationMax, 0)}–${percent(z.utilizationMin, 0)}`,
    ],
    ['moves', count(o.moves), count(z.moves)],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  const v = Math.max(...rows.map((r) => r[1].length), 'optimiser'.length);
  return [
    `  ${''.padEnd(w)}  ${'optimiser'.padStart(v)}  z-score bands`,
    ...rows.map(([k, a, b]) => `  ${k.padEnd(w)}  ${a.padStart(v)}  ${b}`),
  ];
}

/** The plan as `stratum allocate` prints it. */
export function allocationPlanLines(p: AllocationPlan): string[] {
  const reasons = new Map<string, number>();
  for (const u of p.unassigned) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
  const busiest = [...p.owners].sort((a, b) => b.utilization - a.utilization).slice(0, SHOWN_OWNERS);
  const biggest = [...p.moves].sort((a, b) => b.gain - a.gain).slice(0, SHOWN_MOVES);
  return [
    `Allocation on run ${p.runId} (as of ${p.asOf}): ${count(p.assigned)} customers assigned, ${count(p.unassigned.length)} unassigned, ${count(p.moves.length)} moves${p.moveBudget === null ? '' : ` (limit ${count(p.moveBudget)})`}`,
    `Objective ${yuan(p.objective)} per year; LP bound ${p.bound === null ? '–' : yuan(p.bound)}; gap ${p.gap === null ? '–' : percent(p.gap, 3)} (${p.status}, ${p.components} component${p.components === 1 ? '' : 's'}, solved in ${p.seconds.solve.toFixed(1)} s)`,
    `Workload: Gini ${p.workloadGini.toFixed(3)}, max ${points(p.workloadMax)} / min ${points(p.workloadMin)} points per week${p.workloadMaxMin === null ? '' : ` (×${p.workloadMaxMin.toFixed(2)})`}`,
    '',
    'Compared with the z-score strategy on the same data:',
    ...comparisonLines(p.comparison.optimiser, p.comparison.zScore),
    '',
    `Busiest owners (of ${count(p.owners.length)}):`,
    ...busiest.map(
      (o) =>
        `  ${o.id} ${o.name} (${o.team}, ${o.role}): ${points(o.workload)}/${points(o.capacity)} points (${percent(o.utilization, 0)}), ${count(o.customers)} customers, book ${yuan(o.value)}`,
    ),
    ...(biggest.length ? ['', 'Largest moves:'] : []),
    ...biggest.map(
      (m) =>
        `  ${m.customerId}: ${m.from ?? '(none)'} → ${m.to} (${m.toTeam}), gains ${yuan(m.gain)} per year`,
    ),
    ...(p.unassigned.length
      ? ['', `Unassigned: ${[...reasons].map(([r, n]) => `${r} ${count(n)}`).join(', ')}`]
      : []),
    ...p.unassigned.slice(0, SHOWN_MOVES).map((u) => `  ${u.customerId}: ${u.reason}`),
  ];
}

/** Why one customer got its owner, and what the alternatives would cost. */
export function assignmentExplanationLines(e: AssignmentExplanation): string[] {
  const head = e.chosen
    ? `${e.customerId} → ${e.chosen.repId}${e.currentOwnerId === e.chosen.repId ? ' (stays with its owner)' : e.currentOwnerId ? ` (moves from ${e.currentOwnerId})` : ' (had no owner)'}`
    : `${e.customerId}: not placed (${e.unassignedReason ?? 'unknown'})`;
  const terms = (t: NonNullable<AssignmentExplanation['chosen']>) =>
    `fit ${t.fit.toFixed(2)}, value served ${yuan(t.valueServed)}, travel ${yuan(t.travelCost)}${t.distanceKm === null ? '' : ` (${t.distanceKm.toFixed(1)} km)`}, continuity ${yuan(t.continuityCost)}, net ${yuan(t.net)}, ${points(t.workload)} points/week`;
  return [
    head,
    ...(e.chosen ? [`  chosen: ${terms(e.chosen)}`] : []),
    ...e.alternatives.map(
      (a) =>
        `  ${a.repId}: ${terms(a)}; ${a.difference >= 0 ? '+' : ''}${yuan(a.difference)} vs chosen — ${a.whyNot}`,
    ),
  ];
}
