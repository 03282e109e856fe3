import type { AllocationSettings } from '../../contracts/allocation/settings.js';
import type { Tier } from '../../contracts/tiering/tiers.js';

/** Weeks per month on average (52 weeks / 12 months). */
const WEEKS_PER_MONTH = 52 / 12;

export type CostSettings = Pick<
  AllocationSettings,
  'visitMinutes' | 'serviceMinutesPerWeek' | 'speedKmh' | 'roadFactor' | 'costPerKm' | 'defaultTravelMinutes'
>;

/** Road km one way for a straight-line distance; a customer without coordinates gets the default travel time. */
export function roadKm(straightKm: number | null, s: CostSettings): number {
  return straightKm === null ? (s.defaultTravelMinutes / 60) * s.speedKmh : straightKm * s.roadFactor;
}

/**
 * Workload points (hours) per week of serving a customer from a rep's base: the tier policy's visits, each on site
 * for `visitMinutes` plus the drive from the base (one way: a day's route chains its visits, so each visit adds
 * about one leg), and the tier's phone and service time.
 */
export function weeklyWorkload(
  visitsPerMonth: number,
  tier: Tier | null,
  straightKm: number | null,
  s: CostSettings,
): number {
  const driveMinutes = (roadKm(straightKm, s) / s.speedKmh) * 60;
  const visitsPerWeek = visitsPerMonth / WEEKS_PER_MONTH;
  return (visitsPerWeek * (s.visitMinutes + driveMinutes) + s.serviceMinutesPerWeek[tier ?? 'bronze']) / 60;
}

/** Yuan per year of driving to a customer's visits, one leg from the base per visit (as the workload counts). */
export function yearlyTravelCost(visitsPerMonth: number, straightKm: number | null, s: CostSettings): number {
  return visitsPerMonth * 12 * roadKm(straightKm, s) * s.costPerKm;
}
