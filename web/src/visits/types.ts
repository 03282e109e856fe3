import type { RepRole, Seniority } from '../../../src/contracts/allocation/roles';

// Answers of /api/v1/reps (schemas in src/api/routes/reps/schemas.ts); the week plan is the contract's.

export interface Rep {
  readonly id: string;
  readonly name: string;
  readonly team: string;
  readonly role: RepRole;
  readonly seniority: Seniority;
  readonly city: string;
  readonly districts: readonly string[];
  readonly capacity: number;
  readonly skills: readonly string[];
  readonly leave: readonly { readonly from: string; readonly to: string }[];
}

export type {
  DayPlan,
  PlannedCall,
  PlannedVisit,
  WeekPlan,
} from '../../../src/contracts/allocation/week-plan';
