import { gini } from './gini.js';
import { ownerBooks, type OwnerBook } from './owner-books.js';
import { chosenCandidate } from './chosen-candidate.js';
import type { AllocationProblem, Assignment } from './problem.js';

/** Slack on capacity before a book counts as over capacity. */
export const CAPACITY_TOLERANCE = 1e-9;

export interface MaxMin {
  readonly max: number;
  readonly min: number;
}

/**
 * What an assignment achieves, for comparing strategies on the same problem. Money in yuan per year, unrounded
 * (rounding to 2 decimals is for presentation).
 */
export interface AssignmentMetrics {
  readonly assigned: number;
  /** Customers left at -1, those without any candidate included. */
  readonly unassigned: number;
  readonly valueServed: number;
  readonly travelCost: number;
  readonly continuityCost: number;
  /** Σ candidate net: the objective the optimiser maximises (before any balance term). */
  readonly net: number;
  /**
   * Assigned customers whose chosen rep is not their current owner, counted only for customers whose owner is one
   * of `problem.reps`. Customers left unassigned are not moves.
   */
  readonly moves: number;
  /** Books with workload above capacity (+ CAPACITY_TOLERANCE). */
  readonly overCapacityOwners: number;
  /** Gini of workload over all reps, empty books included. */
  readonly workloadGini: number;
  /** Over all reps; 0 and 0 when there are none. */
  readonly utilizationMaxMin: MaxMin;
  readonly workloadMaxMin: MaxMin;
  readonly owners: readonly OwnerBook[];
}

function maxMin(xs: readonly number[]): MaxMin {
  if (xs.length === 0) return { max: 0, min: 0 };
  let max = -Infinity;
  let min = Infinity;
  for (const x of xs) {
    if (x > max) max = x;
    if (x < min) min = x;
  }
  return { max, min };
}

export function evaluateAssignment(problem: AllocationProblem, assignment: Assignment): AssignmentMetrics {
  const owners = ownerBooks(problem, assignment);
  const repIds = new Set(problem.reps.map((r) => r.id));
  let assigned = 0;
  let valueServed = 0;
  let travelCost = 0;
  let continuityCost = 0;
  let net = 0;
  let moves = 0;
  problem.customers.forEach((pc, i) => {
    const c = chosenCandidate(problem, assignment, i);
    if (!c) return;
    assigned++;
    valueServed += c.valueServed;
    travelCost += c.travelCost;
    continuityCost += c.continuityCost;
    net += c.net;
    const owner = pc.customer.ownerId;
    if (owner !== null && repIds.has(owner) && problem.reps[c.rep]?.id !== owner) moves++;
  });
  const workloads = owners.map((o) => o.workload);
  return {
    assigned,
    unassigned: problem.customers.length - assigned,
    valueServed,
    travelCost,
    continuityCost,
    net,
    moves,
    overCapacityOwners: owners.filter((o) => o.workload > o.capacity + CAPACITY_TOLERANCE).length,
    workloadGini: gini(workloads),
    utilizationMaxMin: maxMin(owners.map((o) => o.utilization)),
    workloadMaxMin: maxMin(workloads),
    owners,
  };
}
