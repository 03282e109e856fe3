import type { AllocationCustomer, Rep } from './model.js';

/** One way to serve a customer: an eligible rep and what that pairing is worth, per year, in yuan. */
export interface Candidate {
  /** Index into `AllocationProblem.reps`. */
  readonly rep: number;
  /** Customer value × the rep's fit (0–1]. */
  readonly valueServed: number;
  readonly fit: number;
  /** Yuan per year of driving to the customer's visits from the rep's base. */
  readonly travelCost: number;
  /** Yuan lost by taking the account from the rep who has history with it (0 for the current owner). */
  readonly continuityCost: number;
  /** valueServed − travelCost − continuityCost: what the objective gains by this pairing. */
  readonly net: number;
  /** Workload points (hours) per week. */
  readonly workload: number;
  readonly distanceKm: number | null;
}

/** Why a customer has no candidate at all, or could not be given one. */
export const UNASSIGNED_REASONS = [
  'no_owner_in_territory',
  'needs_senior_or_key_account',
  'needs_chain_skill',
  'no_capacity',
] as const;
export type UnassignedReason = (typeof UNASSIGNED_REASONS)[number];

export interface ProblemCustomer {
  readonly customer: AllocationCustomer;
  /** Best first (highest net). */
  readonly candidates: readonly Candidate[];
  /** Index of the current owner's candidate, or -1 (no owner, or the owner is gone or no longer eligible). */
  readonly currentCandidate: number;
  /** Set when `candidates` is empty. */
  readonly excluded: UnassignedReason | null;
}

/** The assignment problem built from customers, reps and settings; the solver and the strategies read it. */
export interface AllocationProblem {
  readonly reps: readonly Rep[];
  readonly customers: readonly ProblemCustomer[];
}

/** A solution: for each customer (same order as the problem), the chosen candidate index or -1 (unassigned). */
export type Assignment = Int32Array;
