import type { AllocationSettings } from '../../contracts/allocation/settings.js';
import type { AllocationCustomer, Rep } from './model.js';

export type FitSettings = Pick<AllocationSettings, 'roleFit' | 'juniorPenalty' | 'cuisineBonus'>;

/** How well a rep suits a customer, in (0, 1]: role for the tier, seniority on top accounts, cuisine know-how. */
export function fitOf(rep: Rep, c: AllocationCustomer, s: FitSettings): number {
  const tier = c.tier ?? 'bronze';
  let fit = s.roleFit[tier][rep.role];
  if (rep.seniority === 'junior' && (tier === 'platinum' || tier === 'gold')) fit -= s.juniorPenalty;
  if (c.cuisine !== null && rep.skills.includes(c.cuisine)) fit += s.cuisineBonus;
  return Math.min(1, Math.max(0.01, fit));
}
