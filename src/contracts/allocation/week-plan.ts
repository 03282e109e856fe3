import type { Tier } from '../tiering/tiers.js';

/** A visit on site, or a phone call for phone-only customers. */
export type ContactKind = 'visit' | 'call';

/** A point on the map (WGS-84 degrees). */
export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

/** A customer of the rep's book as the visit planner needs it (AllocationCustomer's subset plus name and address). */
export interface VisitCustomer {
  readonly id: string;
  readonly name: string;
  readonly tier: Tier | null;
  /** Visits per month the tier policy promises; 0 = phone only (one call a month). */
  readonly visitsPerMonth: number;
  readonly district: string;
  readonly address: string;
  readonly location: GeoPoint | null;
}

/** A visit on the plan; times are local (Asia/Shanghai) ISO date-times with offset, e.g. 2026-11-23T09:30:00+08:00. */
export interface PlannedVisit {
  readonly customerId: string;
  readonly name: string;
  readonly tier: Tier | null;
  readonly district: string;
  readonly address: string;
  readonly location: GeoPoint | null;
  /** 1 for the customer's first visit this week, 2 for a second one (8 a month)… */
  readonly occurrence: number;
  readonly start: string;
  readonly end: string;
  /** Minutes driven to get here, from the base or the previous visit. */
  readonly travelMinutes: number;
}

/** A phone call to a phone-only customer, after the day's visits. */
export interface PlannedCall {
  readonly customerId: string;
  readonly name: string;
  readonly tier: Tier | null;
  readonly district: string;
  readonly address: string;
  readonly occurrence: number;
  readonly date: string;
  readonly start: string;
  readonly end: string;
}

export interface DayPlan {
  readonly date: string;
  /** The rep is on leave: no visits or calls. */
  readonly onLeave: boolean;
  /** Districts visited, in visit order. */
  readonly districts: readonly string[];
  readonly visits: readonly PlannedVisit[];
  /** Busy minutes from the start of the day: travel, visits and calls. */
  readonly minutes: number;
}

/** Why a due visit or call is not on the plan: the rep is on leave the whole week, or the days are full. */
export const UNSCHEDULED_REASONS = ['leave', 'no_time'] as const;
export type UnscheduledReason = (typeof UNSCHEDULED_REASONS)[number];

export interface UnscheduledContact {
  readonly customerId: string;
  readonly name: string;
  readonly kind: ContactKind;
  readonly occurrence: number;
  readonly reason: UnscheduledReason;
}

export interface WeekPlan {
  readonly repId: string;
  readonly repName: string;
  /** ISO week YYYY-Www. */
  readonly week: string;
  readonly timeZone: string;
  /** The week's working days (settings.workdays), leave days included, Monday first. */
  readonly days: readonly DayPlan[];
  /** In time order. */
  readonly calls: readonly PlannedCall[];
  readonly unscheduled: readonly UnscheduledContact[];
  readonly totals: {
    readonly visits: number;
    readonly calls: number;
    readonly unscheduled: number;
    readonly travelMinutes: number;
    readonly visitMinutes: number;
    readonly callMinutes: number;
  };
}
