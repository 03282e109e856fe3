import type { Policy } from '../../../contracts/tiering/config.js';
import type { POLICY_COLUMNS } from '../../../contracts/tiering/pipeline-tables.js';

/** The effective policy as the POLICY_COLUMNS of tiering_tagged and the snapshot. */
export type PolicyColumns = {
  readonly dedicated_manager: boolean;
  readonly delivery_priority: number;
  readonly custom_assortment: boolean;
  readonly visits_per_month: number;
  readonly discount_pct: number;
  readonly rebate_pct: number;
  readonly payment_terms: Policy['credit']['terms'];
  readonly credit_limit: number;
  readonly deposit_pct: number;
} & Record<(typeof POLICY_COLUMNS)[number], unknown>;

export const policyColumns = (p: Policy): PolicyColumns => ({
  dedicated_manager: p.service.dedicatedManager,
  delivery_priority: p.service.deliveryPriority,
  custom_assortment: p.service.customAssortment,
  visits_per_month: p.service.visitsPerMonth,
  discount_pct: p.price.discountPct,
  rebate_pct: p.price.rebatePct,
  payment_terms: p.credit.terms,
  credit_limit: p.credit.creditLimit,
  deposit_pct: p.credit.depositPct,
});

export const policyFromColumns = (c: PolicyColumns): Policy => ({
  service: {
    dedicatedManager: c.dedicated_manager,
    deliveryPriority: c.delivery_priority,
    customAssortment: c.custom_assortment,
    visitsPerMonth: c.visits_per_month,
  },
  price: { discountPct: c.discount_pct, rebatePct: c.rebate_pct },
  credit: { terms: c.payment_terms, creditLimit: c.credit_limit, depositPct: c.deposit_pct },
});
