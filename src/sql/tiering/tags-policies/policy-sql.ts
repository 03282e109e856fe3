import { TERMS_BY_LENGTH } from '../../../contracts/tiering/actions.js';
import type { Policy, TieringConfig } from '../../../contracts/tiering/config.js';
import { TAGS, TIERS, type TagName } from '../../../contracts/tiering/tiers.js';
import type { Dialect } from '../../dialects/dialect.js';
import { lit, num } from './sql-text.js';

type Policies = TieringConfig['policies'];

/**
 * The effective policy of src/domain/tiering/policies/effective-policy.ts as SQL expressions over a tier
 * column and one boolean per tag (whether the customer carries it): the tier's values, terms shortened to the
 * shortest any carried tag asks for, the deposit raised to the highest, the credit limit multiplied by every
 * cap_credit factor (tags in name order, actions in config order) and 0 under prepaid terms.
 */
export function policySql(d: Dialect, policies: Policies, tier: string, hasTag: (t: TagName) => string) {
  const byTier = (value: (p: Policy) => string) =>
    `CASE ${tier} ${TIERS.map((t) => `WHEN '${t}' THEN ${value(policies.tiers[t])}`).join(' ')} END`;
  const actions = [...TAGS].sort().flatMap((tag) => (policies.tags[tag] ?? []).map((a) => ({ tag, a })));

  const termsRank = `GREATEST(${[
    byTier((p) => String(TERMS_BY_LENGTH.indexOf(p.credit.terms))),
    ...actions.flatMap(({ tag, a }) =>
      a.kind === 'shorten_terms'
        ? [`CASE WHEN ${hasTag(tag)} THEN ${TERMS_BY_LENGTH.indexOf(a.to)} ELSE 0 END`]
        : [],
    ),
  ].join(', ')})`;
  const terms = `CASE ${termsRank} ${TERMS_BY_LENGTH.map((t, i) => `WHEN ${i} THEN '${t}'`).join(' ')} END`;
  const deposit = `GREATEST(${[
    byTier((p) => num(d, p.credit.depositPct)),
    ...actions.flatMap(({ tag, a }) =>
      a.kind === 'raise_deposit'
        ? [`CASE WHEN ${hasTag(tag)} THEN ${num(d, a.toPct)} ELSE ${num(d, 0)} END`]
        : [],
    ),
  ].join(', ')})`;
  const limit = [
    byTier((p) => num(d, p.credit.creditLimit)),
    ...actions.flatMap(({ tag, a }) =>
      a.kind === 'cap_credit'
        ? [`(CASE WHEN ${hasTag(tag)} THEN ${num(d, a.factor)} ELSE ${num(d, 1)} END)`]
        : [],
    ),
  ].join(' * ');
  const bool = (b: boolean) => (b ? 'TRUE' : 'FALSE');
  const tiered = (e: string) =>
    `CASE WHEN ${tier} IN (${TIERS.map((t) => `'${t}'`).join(', ')}) THEN ${e} END`;
  return {
    dedicated_manager: byTier((p) => bool(p.service.dedicatedManager)),
    delivery_priority: byTier((p) => String(p.service.deliveryPriority)),
    custom_assortment: byTier((p) => bool(p.service.customAssortment)),
    visits_per_month: byTier((p) => num(d, p.service.visitsPerMonth)),
    discount_pct: byTier((p) => num(d, p.price.discountPct)),
    rebate_pct: byTier((p) => num(d, p.price.rebatePct)),
    payment_terms: tiered(terms),
    credit_limit: tiered(`CASE WHEN ${terms} = ${lit('prepaid')} THEN ${num(d, 0)} ELSE ${limit} END`),
    deposit_pct: tiered(deposit),
  };
}
