import type { Policy } from '../../../contracts/tiering/config.js';

/** What a customer's policy costs or commits, for a what-if to sum over customers. */
export interface PolicyCosts {
  /** Rebate on the long window's net purchases: rebatePct % × monetary (yuan per long window). */
  readonly rebateCost: number;
  /** Discount on the same purchases: discountPct % × monetary. */
  readonly discountCost: number;
  /** Credit extended: the credit limit (yuan). */
  readonly creditExposure: number;
  /** Sales visits per month. */
  readonly visitsPerMonth: number;
  /** Customers with a dedicated account manager (0 or 1). */
  readonly dedicatedManagers: number;
}

export const ZERO_COSTS: PolicyCosts = {
  rebateCost: 0,
  discountCost: 0,
  creditExposure: 0,
  visitsPerMonth: 0,
  dedicatedManagers: 0,
};

/** One customer's figures; monetary null (no purchases) counts as 0; no policy costs nothing. */
export function policyCosts(policy: Policy | null, monetary: number | null): PolicyCosts {
  if (policy === null) return ZERO_COSTS;
  const m = Math.max(monetary ?? 0, 0);
  return {
    rebateCost: (policy.price.rebatePct / 100) * m,
    discountCost: (policy.price.discountPct / 100) * m,
    creditExposure: policy.credit.creditLimit,
    visitsPerMonth: policy.service.visitsPerMonth,
    dedicatedManagers: policy.service.dedicatedManager ? 1 : 0,
  };
}

export const addCosts = (a: PolicyCosts, b: PolicyCosts): PolicyCosts => ({
  rebateCost: a.rebateCost + b.rebateCost,
  discountCost: a.discountCost + b.discountCost,
  creditExposure: a.creditExposure + b.creditExposure,
  visitsPerMonth: a.visitsPerMonth + b.visitsPerMonth,
  dedicatedManagers: a.dedicatedManagers + b.dedicatedManagers,
});

export const sumPolicyCosts = (costs: Iterable<PolicyCosts>): PolicyCosts => {
  let total = ZERO_COSTS;
  for (const c of costs) total = addCosts(total, c);
  return total;
};
