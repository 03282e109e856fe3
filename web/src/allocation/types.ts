// Answers of /api/v1/allocation and /reps (schemas in src/api/routes/{allocation,reps}/schemas.ts), mirrored where
// they are not in src/contracts: the dashboard imports src/contracts only.

export type {
  AllocationMove,
  AllocationPlan,
  OwnerSummary,
  RoundSummary,
  StrategyMetrics,
  UnassignedCustomer,
} from '../../../src/contracts/allocation/plan';

/** The settings a plan request may override (the POST /allocation/plans body without runId and dryRun). */
export interface PlanSettings {
  readonly maxMoves?: number;
  readonly balance?: number;
}
