import type { AllocationSettings } from '../../contracts/allocation/settings.js';
import { components, type Component } from './components.js';
import type { LinearSolver, SolveStatus } from './linear-model.js';
import { moveBudget, splitBudget } from './move-budget.js';
import { componentMoves } from './objective.js';
import type { AllocationProblem, Assignment } from './problem.js';
import {
  solveComponent,
  WHOLE_MIP_COLUMNS,
  type ComponentResult,
  type SolveWith,
} from './solve-component.js';

export interface AllocationSolution {
  readonly assignment: Assignment;
  /** The model's objective (yuan per year): Σ net of the pairings − unplaced penalties − the balance term. */
  readonly objective: number;
  /** The LP relaxation's optimum summed over components; null when an LP hit the time limit. */
  readonly bound: number | null;
  /** (bound − objective) / |bound|. */
  readonly gap: number | null;
  /** Customers allowed to leave their owner this round (null = no limit). */
  readonly moveBudget: number | null;
  /** Independent sub-problems (a city's reps and customers, typically). */
  readonly components: number;
  /** Customers the LP relaxations left fractional, settled by the MIP. */
  readonly fractional: number;
  /** optimal, or time_limit when a MIP stopped at its limit before reaching mipGap. */
  readonly status: SolveStatus;
}

export interface SolveOptions {
  /** Called after each component. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Largest model solved as one MIP (default WHOLE_MIP_COLUMNS); larger ones go through the LP first. */
  readonly wholeMipColumns?: number;
  /** Largest problem whose components a move budget joins into one model (default JOINT_COLUMNS). */
  readonly jointColumns?: number;
}

/**
 * Assigns every customer with a candidate to one rep, maximising value served minus travel and continuity costs
 * (docs/allocation.md). Components are solved one by one. A move budget couples them: up to JOINT_COLUMNS they
 * are solved together; beyond, the budget is split in proportion to the moves each component makes without it,
 * and only components over their share are solved again, the bound staying the unlimited relaxation's (valid, if
 * looser).
 */
export function solveAllocation(
  problem: AllocationProblem,
  settings: AllocationSettings,
  solver: LinearSolver,
  options: SolveOptions = {},
): AllocationSolution {
  const wholeMip = options.wholeMipColumns ?? WHOLE_MIP_COLUMNS;
  const assignment = new Int32Array(problem.customers.length).fill(-1);
  const budget = moveBudget(problem, settings);
  const comps =
    budget === null
      ? components(problem)
      : jointIfSmall(problem, components(problem), options.jointColumns ?? JOINT_COLUMNS);
  const single = comps.length === 1;
  const results: ComponentResult[] = comps.map((comp, i) => {
    const r = solveComponent(
      problem,
      comp,
      single ? budget : null,
      { settings, solver, wholeMip },
      assignment,
    );
    options.onProgress?.(i + 1, comps.length);
    return r;
  });
  if (budget !== null && !single)
    resolveOverBudget(problem, comps, results, budget, { settings, solver, wholeMip }, assignment);

  const objective = results.reduce((sum, r) => sum + r.objective, 0);
  const bound = results.some((r) => r.bound === null)
    ? null
    : results.reduce((s, r) => s + (r.bound ?? 0), 0);
  return {
    assignment,
    objective,
    bound,
    gap: bound === null ? null : (bound - objective) / Math.max(Math.abs(bound), 1e-9),
    moveBudget: budget,
    components: comps.length,
    fractional: results.reduce((s, r) => s + r.fractional, 0),
    status: results.some((r) => r.status === 'time_limit') ? 'time_limit' : 'optimal',
  };
}

/**
 * A move budget couples the components: up to JOINT_COLUMNS candidate columns they are solved as one model, so
 * the budget goes where it gains most and the bound is exact; beyond, see resolveOverBudget.
 */
export const JOINT_COLUMNS = 400_000;

function jointIfSmall(problem: AllocationProblem, comps: Component[], limit: number): Component[] {
  if (comps.length <= 1) return comps;
  let columns = 0;
  for (const c of comps)
    for (const ci of c.customers) columns += (problem.customers[ci]?.candidates.length ?? 0) + 1;
  if (columns > limit) return comps;
  return [{ customers: comps.flatMap((c) => c.customers), reps: comps.flatMap((c) => c.reps) }];
}

function resolveOverBudget(
  problem: AllocationProblem,
  comps: readonly Component[],
  results: ComponentResult[],
  budget: number,
  how: SolveWith,
  assignment: Assignment,
): void {
  const wanted = comps.map((c) => componentMoves(problem, c, assignment));
  const shares = splitBudget(budget, wanted);
  comps.forEach((comp, i) => {
    const share = shares[i] ?? 0;
    if ((wanted[i] ?? 0) <= share) return;
    const again = solveComponent(problem, comp, share, how, assignment);
    results[i] = { ...again, bound: results[i]?.bound ?? again.bound };
  });
}
