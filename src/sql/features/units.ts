import type { Cte } from './context.js';

type Combine = 'sum' | 'min' | 'max' | 'avg';

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

/** One row per chain (and per single customer): the combined parts. */
export function unitPartsCte(): Cte {
  const columns = Object.entries(CHAIN_COMBINE).map(([col, how]) => `${how}(p.${col}) AS ${col}`);
  return {
    name: 'unit_parts',
    sql: `SELECT p.unit_id, ${columns.join(',\n       ')}
FROM customer_parts p
GROUP BY p.unit_id`,
  };
}

/**
 * The attributes of each unit: those of its oldest branch (earliest opened, then smallest id), with the chain's
 * brand as its name. A single customer is its own oldest branch and keeps its name.
 */
export function unitRepresentativeCte(): Cte {
  return {
    name: 'unit_representative',
    sql: `SELECT r.unit_id, r.customer_type, r.chain_id, r.cuisine, r.city, r.district, r.name
FROM (
  SELECT p.unit_id, p.customer_type, p.chain_id, p.cuisine, p.city, p.district,
         CASE WHEN p.chain_id IS NULL THEN p.name ELSE COALESCE(p.brand, p.name) END AS name,
         ROW_NUMBER() OVER (PARTITION BY p.unit_id ORDER BY p.first_created, p.customer_id) AS rn
  FROM customer_parts p
) r
WHERE r.rn = 1`,
  };
}
