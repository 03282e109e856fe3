import type { AllocationProblem, Assignment, Candidate } from './problem.js';

/** Throws when the assignment does not belong to the problem: wrong length or a candidate index out of range. */
export function assertAssignmentFits(problem: AllocationProblem, assignment: Assignment): void {
  if (assignment.length !== problem.customers.length)
    throw new RangeError(
      `assignment has ${assignment.length} entries for ${problem.customers.length} customers`,
    );
  problem.customers.forEach((pc, i) => {
    const k = assignment[i] as number;
    if (k < -1 || k >= pc.candidates.length)
      throw new RangeError(
        `customer ${pc.customer.id}: candidate ${k} of ${pc.candidates.length} is out of range`,
      );
  });
}

/** The candidate chosen for customer `i`, or null when unassigned. Assumes `assertAssignmentFits`. */
export function chosenCandidate(
  problem: AllocationProblem,
  assignment: Assignment,
  i: number,
): Candidate | null {
  const k = assignment[i] as number;
  return k < 0 ? null : (problem.customers[i]?.candidates[k] ?? null);
}
