import type { RepRole } from './model.js';
import { assertAssignmentFits, chosenCandidate } from './chosen-candidate.js';
import type { AllocationProblem, Assignment } from './problem.js';

/** One account manager's book under an assignment. Money in yuan per year, unrounded. */
export interface OwnerBook {
  readonly repId: string;
  readonly name: string;
  readonly team: string;
  readonly role: RepRole;
  /** Σ candidate workload of their customers, points (hours) per week. */
  readonly workload: number;
  readonly capacity: number;
  /** workload / capacity; with no capacity, 0 for an empty book and Infinity otherwise. */
  readonly utilization: number;
  /** Σ customer value of the book. */
  readonly value: number;
  /** Σ candidate valueServed (value × fit). */
  readonly valueServed: number;
  readonly customers: number;
  /** Σ candidate travel cost. */
  readonly travelCost: number;
}

/** workload / capacity; with no capacity, 0 for an empty book and Infinity otherwise. */
export const utilizationOf = (workload: number, capacity: number): number =>
  capacity > 0 ? workload / capacity : workload > 0 ? Infinity : 0;

/** Every rep's book, in the order of `problem.reps`, reps without customers included. */
export function ownerBooks(problem: AllocationProblem, assignment: Assignment): OwnerBook[] {
  assertAssignmentFits(problem, assignment);
  const n = problem.reps.length;
  const workload = new Float64Array(n);
  const value = new Float64Array(n);
  const valueServed = new Float64Array(n);
  const travelCost = new Float64Array(n);
  const customers = new Int32Array(n);
  problem.customers.forEach((pc, i) => {
    const c = chosenCandidate(problem, assignment, i);
    if (!c) return;
    workload[c.rep]! += c.workload;
    value[c.rep]! += pc.customer.value;
    valueServed[c.rep]! += c.valueServed;
    travelCost[c.rep]! += c.travelCost;
    customers[c.rep]! += 1;
  });
  return problem.reps.map((rep, r) => ({
    repId: rep.id,
    name: rep.name,
    team: rep.team,
    role: rep.role,
    workload: workload[r]!,
    capacity: rep.capacity,
    utilization: utilizationOf(workload[r]!, rep.capacity),
    value: value[r]!,
    valueServed: valueServed[r]!,
    customers: customers[r]!,
    travelCost: travelCost[r]!,
  }));
}
