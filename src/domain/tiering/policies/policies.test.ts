import { describe, expect, it } from 'vitest';
import { PoliciesSchema } from '../../../contracts/tiering/config.js';
import { effectivePolicy } from './effective-policy.js';
import { policyCosts, sumPolicyCosts } from './policy-costs.js';
import { actionKinds, triggeredActions } from './triggered-actions.js';

const policy = (terms: 'monthly' | 'weekly' | 'prepaid', creditLimit: number, rebatePct: number) => ({
  service: { dedicatedManager: false, deliveryPriority: 2, customAssortment: false, visitsPerMonth: 2 },
  price: { discountPct: 0, rebatePct },
  credit: { terms, creditLimit, depositPct: 0 },
});
const policies = PoliciesSchema.parse({
  tiers: {
    platinum: policy('monthly', 200_000, 2),
    gold: policy('monthly', 80_000, 1),
    silver: policy('weekly', 20_000, 0),
    bronze: policy('prepaid', 0, 0),
  },
  tags: {
    high_risk: [
      { kind: 'shorten_terms', to: 'weekly' },
      { kind: 'raise_deposit', toPct: 30 },
      { kind: 'cap_credit', factor: 0.5 },
    ],
    churn_warning: [
      { kind: 'coupon', amount: 200 },
      { kind: 'visit_task', withinDays: 7 },
    ],
  },
});

describe('effectivePolicy', () => {
  it('applies the tags’ actions to the tier policy', () => {
    const p = effectivePolicy(policies, 'gold', ['high_risk', 'churn_warning']);
    expect(p?.credit).toEqual({ terms: 'weekly', depositPct: 30, creditLimit: 40_000 });
    expect(p?.price.rebatePct).toBe(1);
    expect(effectivePolicy(policies, 'bronze', ['high_risk'])?.credit.terms).toBe('prepaid');
    expect(effectivePolicy(policies, null, ['high_risk'])).toBeNull();
  });
});

describe('triggeredActions', () => {
  it('lists the actions of new tags and the changes of tier and terms', () => {
    const acts = triggeredActions(
      policies,
      { tier: 'gold', tags: ['churn_warning', 'high_risk'] },
      { tier: 'platinum', tags: ['churn_warning'] },
    );
    expect(actionKinds(acts)).toEqual([
      'shorten_terms',
      'raise_deposit',
      'cap_credit',
      'tier_down',
      'terms_changed',
    ]);
    expect(acts.find((a) => a.kind === 'terms_changed')).toEqual({
      kind: 'terms_changed',
      from: 'monthly',
      to: 'weekly',
    });
  });

  it('treats every tag as new on a first run, without tier or terms notices', () => {
    const kinds = actionKinds(triggeredActions(policies, { tier: 'silver', tags: ['churn_warning'] }, null));
    expect(kinds).toEqual(['coupon', 'visit_task']);
  });
});

describe('policyCosts', () => {
  it('gives per-customer figures that sum', () => {
    const gold = effectivePolicy(policies, 'gold', []);
    const c = policyCosts(gold, 50_000);
    expect(c).toEqual({
      rebateCost: 500,
      discountCost: 0,
      creditExposure: 80_000,
      visitsPerMonth: 2,
      dedicatedManagers: 0,
    });
    expect(sumPolicyCosts([c, c, policyCosts(null, 10)]).rebateCost).toBe(1000);
  });
});
