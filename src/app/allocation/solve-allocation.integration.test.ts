import { beforeAll, describe, expect, it } from 'vitest';
import {
  AllocationSettingsSchema,
  type AllocationSettingsInput,
} from '../../contracts/allocation/settings.js';
import { evaluateAssignment } from '../../domain/allocation/evaluate-assignment.js';
import type { LinearSolver } from '../../domain/allocation/linear-model.js';
import { solveAllocation } from '../../domain/allocation/solve-allocation.js';
import { testProblem, type TestCustomer } from '../../domain/allocation/test-problem.js';
import { loadHighsSolver } from './highs-solver.js';

const settings = (s: AllocationSettingsInput = {}) =>
  AllocationSettingsSchema.parse({ timeLimitSeconds: 20, maxMovesPct: null, ...s });

/** `n` customers, each owned by rep 0 but worth more with rep 1 (a move gains `gain`). */
function movers(n: number, gain: number): TestCustomer[] {
  return Array.from({ length: n }, () => ({
    value: 1000,
    ownerId: 'r0',
    candidates: [
      { rep: 0, workload: 1, net: 1000 },
      { rep: 1, workload: 1, net: 1000 + gain },
    ],
  }));
}

describe('solveAllocation with HiGHS', () => {
  let solver: LinearSolver;
  beforeAll(async () => {
    solver = await loadHighsSolver();
  });

  it('places every customer on its best owner when capacity allows, with a zero gap', () => {
    const problem = testProblem({ reps: [{}, {}], customers: movers(6, 50) });
    const s = solveAllocation(problem, settings(), solver);
    expect([...s.assignment]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(s.objective).toBeCloseTo(6 * 1050, 6);
    expect(s.gap).toBeCloseTo(0, 9);
  });

  it('never exceeds capacity: the rest stay with the owner', () => {
    const problem = testProblem({ reps: [{}, { capacity: 4 }], customers: movers(6, 50) });
    const s = solveAllocation(problem, settings(), solver);
    const m = evaluateAssignment(problem, s.assignment);
    expect(m.overCapacityOwners).toBe(0);
    expect(m.owners[1]?.customers).toBe(4);
    expect(m.moves).toBe(4);
  });

  it('limits moves by count and by percentage, keeping the most valuable moves', () => {
    const customers = movers(10, 50).map((c, i) => ({
      ...c,
      candidates: [c.candidates[0]!, { rep: 1, workload: 1, net: 1000 + 10 * (i + 1) }],
    }));
    const problem = testProblem({ reps: [{}, {}], customers });
    const byCount = solveAllocation(problem, settings({ maxMoves: 3 }), solver);
    expect(byCount.moveBudget).toBe(3);
    expect(evaluateAssignment(problem, byCount.assignment).moves).toBe(3);
    expect([...byCount.assignment].slice(7)).toEqual([1, 1, 1]);
    const byShare = solveAllocation(problem, settings({ maxMovesPct: 20 }), solver);
    expect(evaluateAssignment(problem, byShare.assignment).moves).toBe(2);
  });

  it('spends a move budget across independent components where it gains most, jointly or split', () => {
    const problem = testProblem({
      reps: [{}, {}, {}, {}],
      customers: [
        ...movers(6, 50),
        ...movers(4, 50).map((c) => ({
          ...c,
          ownerId: 'r2',
          candidates: [
            { rep: 2, workload: 1, net: 1000 },
            { rep: 3, workload: 1, net: 1050 },
          ],
        })),
      ],
    });
    const joint = solveAllocation(problem, settings({ maxMoves: 5 }), solver);
    expect(joint.components).toBe(1);
    expect(evaluateAssignment(problem, joint.assignment).moves).toBe(5);
    expect(joint.gap).toBeCloseTo(0, 9);
    const split = solveAllocation(problem, settings({ maxMoves: 5 }), solver, { jointColumns: 0 });
    expect(split.components).toBe(2);
    expect(evaluateAssignment(problem, split.assignment).moves).toBe(5);
    // The bound stays the unlimited relaxation's: valid, looser.
    expect(split.bound).toBeGreaterThan(split.objective);
  });

  it('lists customers it cannot fit as unassigned instead of failing', () => {
    const problem = testProblem({
      reps: [{ capacity: 2 }],
      customers: Array.from({ length: 3 }, () => ({ value: 1000, candidates: [{ rep: 0, workload: 1 }] })),
    });
    const s = solveAllocation(problem, settings(), solver);
    expect([...s.assignment].filter((a) => a === -1)).toHaveLength(1);
  });

  it('trades value for evenness with the balance weight', () => {
    // Rep 0 is slightly better for everyone; without balance it takes all it can.
    const customers = Array.from({ length: 20 }, () => ({
      value: 1000,
      candidates: [
        { rep: 0, workload: 1, net: 1010 },
        { rep: 1, workload: 1, net: 1000 },
      ],
    }));
    const problem = testProblem({ reps: [{ capacity: 20 }, { capacity: 20 }], customers });
    const greedy = evaluateAssignment(problem, solveAllocation(problem, settings(), solver).assignment);
    const even = evaluateAssignment(
      problem,
      solveAllocation(problem, settings({ balance: 1 }), solver).assignment,
    );
    expect(greedy.owners.map((o) => o.customers)).toEqual([20, 0]);
    expect(even.owners.map((o) => o.customers)).toEqual([10, 10]);
    expect(even.workloadGini).toBeLessThan(greedy.workloadGini);
  });
});
