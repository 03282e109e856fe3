import { randomUUID } from 'node:crypto';
import type { AllocationSettings } from '../../contracts/allocation/settings.js';
import type {
  AllocationMove,
  AllocationPlan,
  OwnerSummary,
  StrategyMetrics,
} from '../../contracts/allocation/plan.js';
import { buildProblem } from '../../domain/allocation/build-problem.js';
import { evaluateAssignment, type AssignmentMetrics } from '../../domain/allocation/evaluate-assignment.js';
import {
  explainAssignment,
  type AssignmentExplanation,
  type ExplainContext,
} from '../../domain/allocation/explain-assignment.js';
import type { LinearSolver } from '../../domain/allocation/linear-model.js';
import type { AllocationProblem } from '../../domain/allocation/problem.js';
import { solveAllocation, type AllocationSolution } from '../../domain/allocation/solve-allocation.js';
import { zScoreStrategy } from '../../domain/allocation/zscore-strategy.js';
import type { Engine } from '../../engines/engine.js';
import { loadHighsSolver } from './highs-solver.js';
import { loadAllocationInput, type AllocationInput } from './load-allocation-input.js';

export interface PlanAllocationOptions {
  /** Run whose tiers to use (default: the latest). */
  readonly runId?: string;
  readonly settings: AllocationSettings;
  /** Progress of the solve: components done of total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A computed round, not yet applied: the plan, and what it was computed from (to apply it or explain it). */
export interface PlannedRound {
  readonly plan: AllocationPlan;
  readonly input: AllocationInput;
  readonly problem: AllocationProblem;
  readonly solution: AllocationSolution;
  /** Why customer `customerId` got its owner (null when not in the round). */
  explain(customerId: string): AssignmentExplanation | null;
}

const seconds = (fromMs: number, toMs: number) => Math.round((toMs - fromMs) / 10) / 100;

function strategyMetrics(m: AssignmentMetrics): StrategyMetrics {
  return {
    assigned: m.assigned,
    unassigned: m.unassigned,
    valueServed: m.valueServed,
    travelCost: m.travelCost,
    net: m.net,
    moves: m.moves,
    overCapacityOwners: m.overCapacityOwners,
    workloadGini: m.workloadGini,
    utilizationMax: m.utilizationMaxMin.max,
    utilizationMin: m.utilizationMaxMin.min,
  };
}

function movesOf(problem: AllocationProblem, solution: AllocationSolution): AllocationMove[] {
  const moves: AllocationMove[] = [];
  problem.customers.forEach((pc, i) => {
    const chosen = pc.candidates[solution.assignment[i] ?? -1];
    const rep = chosen ? problem.reps[chosen.rep] : undefined;
    if (!chosen || !rep || rep.id === pc.customer.ownerId) return;
    const current = pc.candidates[pc.currentCandidate];
    moves.push({
      customerId: pc.customer.id,
      from: pc.customer.ownerId,
      to: rep.id,
      toTeam: rep.team,
      gain: chosen.net - (current?.net ?? 0),
    });
  });
  return moves;
}

/**
 * A computed round as plain data (no functions), so that it can cross a worker thread: the plan, what it was
 * solved from and what the explanations need.
 */
export interface RoundParts {
  readonly plan: AllocationPlan;
  readonly input: AllocationInput;
  readonly problem: AllocationProblem;
  readonly solution: AllocationSolution;
  readonly context: ExplainContext;
}

export interface ComputeRoundOptions {
  readonly onProgress?: (done: number, total: number) => void;
  /** Seconds spent loading `input`, reported in the plan. */
  readonly loadSeconds: number;
}

/**
 * The computing part of planAllocation, on input already loaded: builds the candidates, solves with `solver`, and
 * compares the result with the z-score strategy on the same problem. Synchronous and CPU-bound.
 */
export function computeRound(
  input: AllocationInput,
  settings: AllocationSettings,
  solver: LinearSolver,
  options: ComputeRoundOptions,
): RoundParts {
  const start = performance.now();
  const problem = buildProblem(input.customers, input.reps, settings);
  const solution = solveAllocation(problem, settings, solver, { onProgress: options.onProgress });
  const solved = performance.now();
  const metrics = evaluateAssignment(problem, solution.assignment);
  const zScore = evaluateAssignment(problem, zScoreStrategy(problem).assignment);
  const moves = movesOf(problem, solution);
  const owners: OwnerSummary[] = metrics.owners.map((b) => ({
    id: b.repId,
    name: b.name,
    team: b.team,
    role: b.role,
    workload: b.workload,
    capacity: b.capacity,
    utilization: b.utilization,
    value: b.value,
    customers: b.customers,
  }));
  const { max, min } = metrics.workloadMaxMin;
  const plan: AllocationPlan = {
    roundId: `alloc-${input.asOf}-${randomUUID().slice(0, 8)}`,
    runId: input.runId,
    asOf: input.asOf,
    applied: false,
    assigned: metrics.assigned,
    unassigned: problem.customers.flatMap((pc, i) =>
      (solution.assignment[i] ?? -1) >= 0
        ? []
        : [{ customerId: pc.customer.id, reason: pc.excluded ?? 'no_capacity' }],
    ),
    moves,
    moveBudget: solution.moveBudget,
    objective: solution.objective,
    bound: solution.bound,
    gap: solution.gap,
    status: solution.status === 'time_limit' ? 'time_limit' : 'optimal',
    components: solution.components,
    owners,
    workloadGini: metrics.workloadGini,
    workloadMax: max,
    workloadMin: min,
    workloadMaxMin: min > 0 ? max / min : null,
    comparison: { optimiser: strategyMetrics(metrics), zScore: strategyMetrics(zScore) },
    seconds: {
      load: options.loadSeconds,
      solve: seconds(start, solved),
      total: Math.round((options.loadSeconds + (performance.now() - start) / 1000) * 100) / 100,
    },
  };
  const context: ExplainContext = {
    books: metrics.owners,
    moves: metrics.moves,
    moveBudget: solution.moveBudget,
    balance: settings.balance,
  };
  return { plan, input, problem, solution, context };
}

/** The round of computed parts, with its explanations. */
export function roundOf(parts: RoundParts): PlannedRound {
  const { plan, input, problem, solution, context } = parts;
  const index = new Map(problem.customers.map((pc, i) => [pc.customer.id, i]));
  return {
    plan,
    input,
    problem,
    solution,
    explain: (customerId) => {
      const i = index.get(customerId);
      return i === undefined ? null : explainAssignment(problem, solution.assignment, i, context);
    },
  };
}

/**
 * Computes a round: loads reps and the run's customers (aggregated in the engine), builds the candidates, solves
 * with HiGHS, and compares the result with the z-score strategy on the same problem. Writes nothing.
 */
export async function planAllocation(engine: Engine, options: PlanAllocationOptions): Promise<PlannedRound> {
  const start = performance.now();
  const input = await loadAllocationInput(engine, options.runId);
  const loadSeconds = seconds(start, performance.now());
  const solver = await loadHighsSolver();
  return roundOf(
    computeRound(input, options.settings, solver, { onProgress: options.onProgress, loadSeconds }),
  );
}
