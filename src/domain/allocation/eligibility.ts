import type { AllocationCustomer, Rep } from './model.js';
import type { UnassignedReason } from './problem.js';

/** May own Platinum and chain accounts. */
export const isSeniorOrKeyAccount = (rep: Rep): boolean =>
  rep.seniority === 'senior' || rep.role === 'key_account';

/** The rep's city and district; key-account managers own chain accounts anywhere in their city. */
export const coversTerritory = (rep: Rep, c: AllocationCustomer): boolean =>
  rep.city === c.city &&
  (rep.districts.length === 0 ||
    rep.districts.includes(c.district) ||
    (c.chain && rep.role === 'key_account'));

/**
 * Why `rep` may not own `c`, or null when it may: territory first, then seniority (Platinum and chain accounts go
 * to senior or key-account managers), then the chain skill.
 */
export function ineligibility(rep: Rep, c: AllocationCustomer): UnassignedReason | null {
  if (!coversTerritory(rep, c)) return 'no_owner_in_territory';
  if ((c.tier === 'platinum' || c.chain) && !isSeniorOrKeyAccount(rep)) return 'needs_senior_or_key_account';
  if (c.chain && !rep.skills.includes('chain')) return 'needs_chain_skill';
  return null;
}

const REASON_ORDER: readonly UnassignedReason[] = [
  'no_owner_in_territory',
  'needs_senior_or_key_account',
  'needs_chain_skill',
];

/** The reason a customer has no eligible rep: the rule that got furthest among the reps that were tried. */
export function deepestReason(reasons: Iterable<UnassignedReason>): UnassignedReason {
  let deepest = 0;
  for (const r of reasons) deepest = Math.max(deepest, REASON_ORDER.indexOf(r));
  return REASON_ORDER[deepest] ?? 'no_owner_in_territory';
}
