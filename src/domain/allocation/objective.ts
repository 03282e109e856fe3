import type { Component } from './components.js';
import type { AllocationProblem, Assignment } from './problem.js';

/** The objective's weights for one component. */
export interface ComponentWeights {
  readonly unassignedPenalty: number;
  readonly balanceWeight: number;
}

/**
 * Leaving a customer unplaced must cost more than any reshuffle could gain by freeing its capacity, yet stay within
 * a few orders of magnitude of the other coefficients so the LP stays well conditioned: ten times the spread of
 * the candidates' net values, plus a floor.
 */
export function weightsOf(problem: AllocationProblem, comp: Component, balance: number): ComponentWeights {
  let lo = 0;
  let hi = 0;
  let value = 0;
  for (const ci of comp.customers) {
    const pc = problem.customers[ci];
    if (!pc) continue;
    value += pc.customer.value;
    for (const c of pc.candidates) {
      lo = Math.min(lo, c.net);
      hi = Math.max(hi, c.net);
    }
  }
  const averageBook = comp.reps.length === 0 ? 0 : value / comp.reps.length;
  return { unassignedPenalty: 10 * (hi - lo) + 1000, balanceWeight: balance * averageBook };
}

/** Utilisation of each of the component's reps under `assignment`. */
export function utilisations(problem: AllocationProblem, comp: Component, assignment: Assignment): number[] {
  const load = new Map<number, number>(comp.reps.map((r) => [r, 0]));
  for (const ci of comp.customers) {
    const cand = problem.customers[ci]?.candidates[assignment[ci] ?? -1];
    if (cand) load.set(cand.rep, (load.get(cand.rep) ?? 0) + cand.workload);
  }
  return comp.reps.map((r) => (load.get(r) ?? 0) / Math.max(problem.reps[r]?.capacity ?? 0, 1e-6));
}

/** The model's objective of `assignment` on one component, computed from the assignment itself. */
export function componentObjective(
  problem: AllocationProblem,
  comp: Component,
  assignment: Assignment,
  w: ComponentWeights,
): number {
  let total = 0;
  for (const ci of comp.customers) {
    const cand = problem.customers[ci]?.candidates[assignment[ci] ?? -1];
    total += cand ? cand.net : -w.unassignedPenalty;
  }
  if (w.balanceWeight > 0) {
    const u = utilisations(problem, comp, assignment);
    total -= w.balanceWeight * (Math.max(...u) - Math.min(...u));
  }
  return total;
}

/** Customers of the component that leave their current owner. */
export function componentMoves(problem: AllocationProblem, comp: Component, assignment: Assignment): number {
  let moves = 0;
  for (const ci of comp.customers) {
    const pc = problem.customers[ci];
    if (pc && pc.currentCandidate >= 0 && assignment[ci] !== pc.currentCandidate) moves++;
  }
  return moves;
}
