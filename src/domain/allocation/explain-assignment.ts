import type { OwnerBook } from './owner-books.js';
import type { AllocationProblem, Assignment, Candidate, UnassignedReason } from './problem.js';

/** Why a better-looking alternative was not taken. */
export type WhyNot = 'lower_net' | 'at_capacity' | 'move_limit' | 'balance' | 'solver_gap';

export interface PairingTerms {
  readonly repId: string;
  readonly fit: number;
  readonly valueServed: number;
  readonly travelCost: number;
  readonly continuityCost: number;
  readonly net: number;
  readonly workload: number;
  readonly distanceKm: number | null;
}

export interface AssignmentExplanation {
  readonly customerId: string;
  readonly currentOwnerId: string | null;
  /** Null when the customer could not be placed. */
  readonly chosen: PairingTerms | null;
  readonly unassignedReason: UnassignedReason | null;
  /** The other candidates, best net first, with what choosing them would change. */
  readonly alternatives: readonly (PairingTerms & { readonly difference: number; readonly whyNot: WhyNot })[];
}

/** What the explanation needs to know about the round as a whole. */
export interface ExplainContext {
  readonly books: readonly OwnerBook[];
  /** Moves made and allowed (null = no limit). */
  readonly moves: number;
  readonly moveBudget: number | null;
  readonly balance: number;
}

function terms(problem: AllocationProblem, c: Candidate): PairingTerms {
  return {
    repId: problem.reps[c.rep]?.id ?? '',
    fit: c.fit,
    valueServed: c.valueServed,
    travelCost: c.travelCost,
    continuityCost: c.continuityCost,
    net: c.net,
    workload: c.workload,
    distanceKm: c.distanceKm,
  };
}

/** Why this owner: the chosen pairing's terms, and for each alternative how much it would gain or lose and why not. */
export function explainAssignment(
  problem: AllocationProblem,
  assignment: Assignment,
  i: number,
  ctx: ExplainContext,
): AssignmentExplanation {
  const pc = problem.customers[i];
  if (!pc) throw new RangeError(`no customer ${i}`);
  const chosen = pc.candidates[assignment[i] ?? -1];
  const whyNot = (alt: Candidate, k: number): WhyNot => {
    const difference = alt.net - (chosen?.net ?? Number.NEGATIVE_INFINITY);
    if (chosen && difference <= 0) return 'lower_net';
    const book = ctx.books[alt.rep];
    if (book && book.workload + alt.workload > book.capacity + 1e-9) return 'at_capacity';
    if (ctx.moveBudget !== null && ctx.moves >= ctx.moveBudget && k !== pc.currentCandidate)
      return 'move_limit';
    return ctx.balance > 0 ? 'balance' : 'solver_gap';
  };
  return {
    customerId: pc.customer.id,
    currentOwnerId: pc.customer.ownerId,
    chosen: chosen ? terms(problem, chosen) : null,
    unassignedReason: chosen ? null : (pc.excluded ?? 'no_capacity'),
    alternatives: pc.candidates.flatMap((alt, k) =>
      alt === chosen
        ? []
        : [
            {
              ...terms(problem, alt),
              difference: chosen ? alt.net - chosen.net : alt.net,
              whyNot: whyNot(alt, k),
            },
          ],
    ),
  };
}
