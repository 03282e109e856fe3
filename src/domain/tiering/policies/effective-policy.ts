import { assertUnreachable } from '../../../contracts/assert-unreachable.js';
import { TERMS_BY_LENGTH } from '../../../contracts/tiering/actions.js';
import type { Policy, PolicyAction, TieringConfig } from '../../../contracts/tiering/config.js';
import type { TagName, Tier } from '../../../contracts/tiering/tiers.js';

type Policies = TieringConfig['policies'];

function apply(p: Policy, a: PolicyAction): Policy {
  switch (a.kind) {
    case 'shorten_terms':
      return TERMS_BY_LENGTH.indexOf(a.to) > TERMS_BY_LENGTH.indexOf(p.credit.terms)
        ? { ...p, credit: { ...p.credit, terms: a.to } }
        : p;
    case 'raise_deposit':
      return { ...p, credit: { ...p.credit, depositPct: Math.max(p.credit.depositPct, a.toPct) } };
    case 'cap_credit':
      return { ...p, credit: { ...p.credit, creditLimit: p.credit.creditLimit * a.factor } };
    case 'coupon':
    case 'visit_task':
      return p; // one-off tasks: they are triggered, they do not change the standing policy
    default:
      return assertUnreachable(a, 'policy action');
  }
}

/**
 * The policy a customer gets: its tier's policy with the actions of its tags applied, tags in name order and
 * each tag's actions in config order. shorten_terms never lengthens terms, raise_deposit never lowers the
 * deposit, cap_credit multiplies the credit limit; prepaid terms mean no credit, so the limit is then 0.
 * Null without a tier (excluded customers get no policy).
 */
export function effectivePolicy(
  policies: Policies,
  tier: Tier | null,
  tags: readonly TagName[],
): Policy | null {
  if (tier === null) return null;
  let p = policies.tiers[tier];
  for (const tag of [...tags].sort()) for (const a of policies.tags[tag] ?? []) p = apply(p, a);
  return p.credit.terms === 'prepaid' ? { ...p, credit: { ...p.credit, creditLimit: 0 } } : p;
}
