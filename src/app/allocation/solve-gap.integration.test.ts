import { beforeAll, describe, expect, it } from 'vitest';
import { AllocationSettingsSchema } from '../../contracts/allocation/settings.js';
import type { LinearSolver } from '../../domain/allocation/linear-model.js';
import type { AllocationProblem } from '../../domain/allocation/problem.js';
import { solveAllocation } from '../../domain/allocation/solve-allocation.js';
import { orlibGapProblem } from '../../../test/support/orlib-gap.js';
import { loadHighsSolver } from './highs-solver.js';

/** Cost of the assignment, after checking it is complete and within every capacity. */
function checkedCost(problem: AllocationProblem, assignment: Int32Array): number {
  const load = problem.reps.map(() => 0);
  let cost = 0;
  problem.customers.forEach((pc, i) => {
    const cand = pc.candidates[assignment[i] ?? -1];
    expect(cand, `job ${pc.customer.id} is assigned`).toBeDefined();
    if (!cand) return;
    load[cand.rep] = (load[cand.rep] ?? 0) + cand.workload;
    cost -= cand.net;
  });
  problem.reps.forEach((r, i) => expect(load[i]).toBeLessThanOrEqual(r.capacity));
  return cost;
}

describe('the allocation solver on OR-Library generalised assignment instances', () => {
  let solver: LinearSolver;
  beforeAll(async () => {
    solver = await loadHighsSolver();
  });
  const settings = (timeLimitSeconds: number) =>
    AllocationSettingsSchema.parse({ timeLimitSeconds, mipGap: 0, maxMovesPct: null });

  it('finds the proven optimum of c05100 (1931) and a bound that confirms it', () => {
    const problem = orlibGapProblem('c05100');
    const s = solveAllocation(problem, settings(30), solver);
    expect(checkedCost(problem, s.assignment)).toBe(1931);
    expect(s.objective).toBeCloseTo(-1931, 6);
    expect(s.bound).not.toBeNull();
    expect(-(s.bound ?? 0)).toBeLessThanOrEqual(1931 + 1e-6);
    expect(s.gap).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['d10200', 12426, 12432],
    ['e10200', 23305, 23307],
  ])(
    'on %s comes within one percent of the best known cost (%i–%i), above a valid LP bound',
    (name, lower, upper) => {
      const problem = orlibGapProblem(name);
      const s = solveAllocation(problem, settings(8), solver);
      const cost = checkedCost(problem, s.assignment);
      expect(cost).toBeGreaterThanOrEqual(lower);
      expect(cost).toBeLessThanOrEqual(upper * 1.01);
      // The LP relaxation can never beat the optimum.
      expect(-(s.bound ?? Number.NaN)).toBeLessThanOrEqual(upper);
      expect(s.gap).toBeCloseTo((cost + (s.bound ?? 0)) / Math.abs(s.bound ?? 1), 9);
    },
  );

  it('through the LP first (as for large problems), still places every job within capacity on e10200', () => {
    const problem = orlibGapProblem('e10200');
    const s = solveAllocation(problem, settings(8), solver, { wholeMipColumns: 0 });
    const cost = checkedCost(problem, s.assignment);
    expect(s.fractional).toBeGreaterThan(0);
    expect(s.fractional).toBeLessThanOrEqual(problem.reps.length);
    console.log(
      `e10200 via LP + MIP on ${s.fractional} fractional jobs: cost ${cost}, gap ${(s.gap ?? 0) * 100}%`,
    );
  });
});
