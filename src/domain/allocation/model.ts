import type { Tier } from '../../contracts/tiering/tiers.js';
import type { RepRole, Seniority } from '../../contracts/allocation/roles.js';
import type { LatLon } from '../cleaning/geo.js';

export { REP_ROLES, SENIORITIES, type RepRole, type Seniority } from '../../contracts/allocation/roles.js';

/** A point on the map (WGS-84 degrees). */
export type GeoPoint = LatLon;

/** Days a rep is away, inclusive ISO dates. */
export interface Leave {
  readonly from: string;
  readonly to: string;
}

/** An account manager as allocation sees them (the `reps` source table). */
export interface Rep {
  readonly id: string;
  readonly name: string;
  readonly team: string;
  readonly role: RepRole;
  readonly seniority: Seniority;
  readonly city: string;
  /** Where their visits start: the home base. */
  readonly base: GeoPoint;
  /** Districts of `city` they cover; empty = the whole city. */
  readonly districts: readonly string[];
  /** Workload points (hours) per week they can give. */
  readonly capacity: number;
  /** `chain` (may own chain accounts), cuisines (川菜…) and languages (粤语, English…). */
  readonly skills: readonly string[];
  readonly leave: readonly Leave[];
}

/** A customer to place: their tier and what serving them is worth and costs. */
export interface AllocationCustomer {
  readonly id: string;
  readonly tier: Tier | null;
  /** Yuan per year the account brings (trailing twelve months' net sales). */
  readonly value: number;
  /** Visits per month the tier policy promises (0 = phone only). */
  readonly visitsPerMonth: number;
  readonly city: string;
  readonly district: string;
  readonly location: GeoPoint | null;
  readonly chain: boolean;
  readonly cuisine: string | null;
  /** The rep who owns the account now, if any. */
  readonly ownerId: string | null;
  /** Days the current owner has had the account (0 when unknown). */
  readonly ownedDays: number;
}
