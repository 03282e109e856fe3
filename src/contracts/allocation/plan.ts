import type { RepRole } from './roles.js';

/** One owner's book after the round (points = workload hours per week; money in yuan per year). */
export interface OwnerSummary {
  readonly id: string;
  readonly name: string;
  readonly team: string;
  readonly role: RepRole;
  readonly workload: number;
  readonly capacity: number;
  readonly utilization: number;
  readonly value: number;
  readonly customers: number;
}

export interface AllocationMove {
  readonly customerId: string;
  /** Null when the customer had no owner (or the owner is no longer a rep). */
  readonly from: string | null;
  readonly to: string;
  readonly toTeam: string;
  /** Net objective gained by the move (yuan per year), after its continuity cost. */
  readonly gain: number;
}

export interface UnassignedCustomer {
  readonly customerId: string;
  readonly reason: string;
}

/** Value served, cost and evenness of one way to assign (the optimiser's or the z-score strategy's). */
export interface StrategyMetrics {
  readonly assigned: number;
  readonly unassigned: number;
  readonly valueServed: number;
  readonly travelCost: number;
  readonly net: number;
  readonly moves: number;
  readonly overCapacityOwners: number;
  readonly workloadGini: number;
  readonly utilizationMax: number;
  readonly utilizationMin: number;
}

/** What `stratum allocate --json` prints and the API returns for a round. */
export interface AllocationPlan {
  readonly roundId: string;
  readonly runId: string;
  readonly asOf: string;
  readonly applied: boolean;
  readonly assigned: number;
  readonly unassigned: readonly UnassignedCustomer[];
  readonly moves: readonly AllocationMove[];
  /** Moves allowed this round (null = no limit). */
  readonly moveBudget: number | null;
  readonly objective: number;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly status: 'optimal' | 'time_limit';
  readonly components: number;
  readonly owners: readonly OwnerSummary[];
  readonly workloadGini: number;
  /** Highest and lowest workload (points per week) among owners, and their ratio (null when the lowest is 0). */
  readonly workloadMax: number;
  readonly workloadMin: number;
  readonly workloadMaxMin: number | null;
  readonly comparison: { readonly optimiser: StrategyMetrics; readonly zScore: StrategyMetrics };
  readonly seconds: { readonly load: number; readonly solve: number; readonly total: number };
}

/** An applied round in a list: who applied it when, and the plan's headline figures. */
export interface RoundSummary {
  readonly roundId: string;
  readonly runId: string;
  readonly asOf: string;
  readonly appliedAt: string;
  readonly appliedBy: string | null;
  readonly assigned: number;
  readonly unassigned: number;
  readonly moves: number;
  readonly objective: number;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly status: AllocationPlan['status'];
  readonly workloadGini: number;
  readonly owners: number;
}
