import { describe, expect, it } from 'vitest';
import { evaluateAssignment } from './evaluate-assignment.js';
import { ownerBooks } from './owner-books.js';
import { sampleProblem, testAssignment, testProblem } from './test-problem.js';

describe('evaluateAssignment', () => {
  it('sums the chosen candidates and measures the spread between books', () => {
    const problem = sampleProblem();
    const assignment = testAssignment([0, 0, 0, -1, 0]);
    const m = evaluateAssignment(problem, assignment);
    expect(m).toEqual({
      assigned: 4,
      unassigned: 1,
      valueServed: 1750,
      travelCost: 130,
      continuityCost: 50,
      net: 1570,
      // c1 (r1 → r0) and c2 (r0 → r1); c4's owner is not a rep any more
      moves: 2,
      overCapacityOwners: 1,
      // workloads 11, 6, 0: Σ|xᵢ − xⱼ| = 44 over 2 · 3² · 17/3 = 102
      workloadGini: 22 / 51,
      utilizationMaxMin: { max: 1.1, min: 0 },
      workloadMaxMin: { max: 11, min: 0 },
      owners: ownerBooks(problem, assignment),
    });
  });

  it('counts a customer moved back to its owner as no move, and unassigned customers as no moves', () => {
    const m = evaluateAssignment(sampleProblem(), testAssignment([1, -1, -1, -1, 1]));
    expect(m).toMatchObject({
      assigned: 2,
      unassigned: 3,
      moves: 1,
      valueServed: 1300,
      net: 1300,
      overCapacityOwners: 0,
      workloadMaxMin: { max: 4, min: 0 },
      utilizationMaxMin: { max: 0.2, min: 0 },
    });
  });

  it('allows rounding noise at capacity but not more', () => {
    const problem = testProblem({
      reps: [{ capacity: 0.3 }, { capacity: 1 }],
      customers: [
        { value: 1, candidates: [{ rep: 0, workload: 0.1 }] },
        { value: 1, candidates: [{ rep: 0, workload: 0.2 }] },
        { value: 1, candidates: [{ rep: 1, workload: 1 + 1e-6 }] },
      ],
    });
    const m = evaluateAssignment(problem, testAssignment([0, 0, 0]));
    expect(m.owners[0]?.workload).toBeGreaterThan(0.3);
    expect(m.overCapacityOwners).toBe(1);
  });

  it('gives zeros for an empty problem', () => {
    const m = evaluateAssignment(testProblem({ reps: [], customers: [] }), testAssignment([]));
    expect(m).toEqual({
      assigned: 0,
      unassigned: 0,
      valueServed: 0,
      travelCost: 0,
      continuityCost: 0,
      net: 0,
      moves: 0,
      overCapacityOwners: 0,
      workloadGini: 0,
      utilizationMaxMin: { max: 0, min: 0 },
      workloadMaxMin: { max: 0, min: 0 },
      owners: [],
    });
  });

  it('has a Gini of 0 when the books are even', () => {
    const problem = testProblem({
      reps: [{ capacity: 10 }, { capacity: 20 }],
      customers: [
        { value: 1, candidates: [{ rep: 0, workload: 5 }] },
        { value: 1, candidates: [{ rep: 1, workload: 5 }] },
      ],
    });
    const m = evaluateAssignment(problem, testAssignment([0, 0]));
    expect(m.workloadGini).toBe(0);
    expect(m.utilizationMaxMin).toEqual({ max: 0.5, min: 0.25 });
  });
});
