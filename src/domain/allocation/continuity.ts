import type { AllocationSettings } from '../../contracts/allocation/settings.js';
import type { AllocationCustomer } from './model.js';

export type ContinuitySettings = Pick<
  AllocationSettings,
  'continuityRate' | 'continuityYears' | 'moveThreshold'
>;

/**
 * Yuan a move away from the current owner costs: the share of a year's value at risk grows with the history the
 * account has with its owner (saturating after `continuityYears`), plus the threshold every move must clear.
 * Nothing for a customer without an owner.
 */
export function continuityCost(c: AllocationCustomer, s: ContinuitySettings): number {
  if (c.ownerId === null) return 0;
  const history = Math.min(1, c.ownedDays / 365 / s.continuityYears);
  return c.value * s.continuityRate * history + s.moveThreshold;
}
