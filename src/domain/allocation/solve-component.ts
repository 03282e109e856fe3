import type { AllocationSettings } from '../../contracts/allocation/settings.js';
import { assignmentModel, type ModelLayout, type ModelPart } from './assignment-model.js';
import type { Component } from './components.js';
import type { LinearSolution, LinearSolver, SolveStatus } from './linear-model.js';
import { componentObjective, weightsOf } from './objective.js';
import type { AllocationProblem, Assignment } from './problem.js';

/**
 * Up to this many columns the MIP is solved whole; beyond, the LP relaxation's integral part is kept and only the
 * customers it leaves fractional go to the MIP. A basic LP solution of this assignment structure has at most one
 * fractional customer per coupling row (capacity, moves, balance), so that MIP stays small at any scale.
 */
export const WHOLE_MIP_COLUMNS = 10_000;
const INTEGRAL = 1 - 1e-6;

export interface ComponentResult {
  readonly objective: number;
  /** The LP relaxation's optimum: no assignment can do better (null when the LP did not finish). */
  readonly bound: number | null;
  readonly status: SolveStatus;
  /** Customers the LP left fractional (0 when the MIP was solved whole). */
  readonly fractional: number;
  /** Customers capacity could not take. */
  readonly unplaced: number;
}

type Limits = Pick<AllocationSettings, 'timeLimitSeconds' | 'mipGap'>;

/** The settings, the solver, and the largest model solved as one MIP. */
export interface SolveWith {
  readonly settings: AllocationSettings;
  readonly solver: LinearSolver;
  readonly wholeMip: number;
}

/** Reads each part customer's chosen candidate (-1 = unplaced) into `out`; returns the customers not integral. */
function readChoices(
  problem: AllocationProblem,
  customers: readonly number[],
  layout: ModelLayout,
  values: Float64Array,
  out: Assignment,
): number[] {
  const fractional: number[] = [];
  customers.forEach((ci, k) => {
    const n = problem.customers[ci]?.candidates.length ?? 0;
    const start = layout.first[k] as number;
    let best = -1;
    let bestValue = values[layout.unplaced[k] as number] ?? 0;
    for (let j = 0; j < n; j++) {
      const v = values[start + j] ?? 0;
      if (v > bestValue) {
        best = j;
        bestValue = v;
      }
    }
    out[ci] = best;
    if (bestValue < INTEGRAL) fractional.push(ci);
  });
  return fractional;
}

function solved(solution: LinearSolution, what: string): Float64Array {
  if (solution.values.length === 0 || solution.status === 'infeasible' || solution.status === 'failed')
    throw new Error(`the solver found no ${what} (status ${solution.status})`);
  return solution.values;
}

/** What one pass over a part gives: the LP bound, the MIP's status, and how many customers the LP left fractional. */
interface PassResult {
  readonly bound: number | null;
  readonly status: SolveStatus;
  readonly fractional: number;
}

/** Decided outside `rest`: the rest's base loads and the moves already made. */
function decidedOutside(
  problem: AllocationProblem,
  part: ModelPart,
  rest: ReadonlySet<number>,
  out: Assignment,
) {
  const baseLoad = new Float64Array(problem.reps.length);
  let moves = 0;
  for (const ci of part.customers) {
    if (rest.has(ci)) continue;
    const pc = problem.customers[ci];
    const cand = pc?.candidates[out[ci] ?? -1];
    if (cand) baseLoad[cand.rep] = (baseLoad[cand.rep] ?? 0) + cand.workload;
    if (pc && pc.currentCandidate >= 0 && out[ci] !== pc.currentCandidate) moves++;
  }
  return { baseLoad, moves };
}

/**
 * LP relaxation for the bound, then the MIP: whole, or on the customers the LP left fractional. That rest is
 * solved without the cap on unplaced customers but with `restPenalty` for each, so it is always feasible (rounding
 * may need a customer more unplaced than the LP did) and still places all it can.
 */
function solvePart(
  problem: AllocationProblem,
  part: ModelPart,
  how: SolveWith,
  out: Assignment,
  restPenalty: number,
): PassResult {
  const limits: Limits = how.settings;
  const relaxed = assignmentModel(problem, part);
  const lp = how.solver.solve(relaxed.model, limits);
  const bound = lp.status === 'optimal' ? lp.objective : null;
  if (relaxed.model.numCols <= how.wholeMip || bound === null) {
    const whole = assignmentModel(problem, { ...part, integer: true });
    const mip = how.solver.solve(whole.model, limits);
    readChoices(problem, part.customers, whole.layout, solved(mip, 'assignment'), out);
    return { bound, status: mip.status, fractional: 0 };
  }
  const rest = readChoices(problem, part.customers, relaxed.layout, solved(lp, 'LP solution'), out);
  if (rest.length === 0) return { bound, status: 'optimal', fractional: 0 };
  const decided = decidedOutside(problem, part, new Set(rest), out);
  const sub = assignmentModel(problem, {
    ...part,
    customers: rest,
    baseLoad: decided.baseLoad,
    moveBudget: part.moveBudget === null ? null : part.moveBudget - decided.moves,
    unassignedPenalty: restPenalty,
    maxUnplaced: null,
    integer: true,
  });
  const mip = how.solver.solve(sub.model, limits);
  readChoices(problem, rest, sub.layout, solved(mip, 'assignment of the fractional customers'), out);
  return { bound, status: mip.status, fractional: rest.length };
}

/**
 * Solves one component into `out`. Placing customers comes first: a pass with a large penalty per unplaced
 * customer finds how many capacity cannot take. If some, a second pass maximises the value with at most that many
 * unplaced and no penalty, so the objective and the bound measure value alone and the gap means what it says.
 */
export function solveComponent(
  problem: AllocationProblem,
  comp: Component,
  moveBudget: number | null,
  how: SolveWith,
  out: Assignment,
): ComponentResult {
  const weights = weightsOf(problem, comp, how.settings.balance);
  const part: ModelPart = {
    customers: comp.customers,
    reps: comp.reps,
    baseLoad: new Float64Array(problem.reps.length),
    moveBudget,
    balanceWeight: weights.balanceWeight,
    unassignedPenalty: weights.unassignedPenalty,
    maxUnplaced: null,
    integer: false,
  };
  const penalty = weights.unassignedPenalty;
  let pass = solvePart(problem, part, how, out, penalty);
  const unplaced = comp.customers.filter((ci) => out[ci] === -1).length;
  if (unplaced > 0)
    pass = solvePart(problem, { ...part, unassignedPenalty: 0, maxUnplaced: unplaced }, how, out, penalty);
  return {
    objective: componentObjective(problem, comp, out, { ...weights, unassignedPenalty: 0 }),
    ...pass,
    unplaced: comp.customers.filter((ci) => out[ci] === -1).length,
  };
}
