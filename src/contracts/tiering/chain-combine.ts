export type Combine = 'sum' | 'min' | 'max' | 'avg';

/**
 * How a chain combines its branches' customer_parts: amounts and counts add up (so rates are pooled, i.e.
 * weighted by their denominators), the latest last order and the oldest account and overdue invoice count,
 * ratings and regional figures are averaged over the branches that have them, stores is the brand's figure. The
 * survey parts are the unit's already (its latest responses, the same on every branch row).
 */
export const CHAIN_COMBINE = {
  last_day: 'max',
  orders_long: 'sum',
  orders_short: 'sum',
  gross_long: 'sum',
  refunded_long: 'sum',
  net_short: 'sum',
  net_previous: 'sum',
  margin_long: 'sum',
  repeat_base: 'sum',
  repeat_hits: 'sum',
  first_created: 'min',
  contract_amount: 'sum',
  contract_expected: 'sum',
  contract_purchases: 'sum',
  invoices_due: 'sum',
  invoices_on_time: 'sum',
  overdue_amount: 'sum',
  oldest_overdue_due: 'min',
  complaints_long: 'sum',
  severe_long: 'sum',
  disputes_open: 'sum',
  disputes_long: 'sum',
  credit_score: 'avg',
  seats: 'sum',
  stores: 'max',
  delivery_cost: 'avg',
  competition_index: 'avg',
  last_nps: 'max',
  last_nps_day: 'max',
  last_csat: 'max',
  last_csat_day: 'max',
} as const satisfies Record<string, Combine>;

export type CombinedPart = keyof typeof CHAIN_COMBINE;
