import type { Cte, FeatureContext } from './context.js';

/**
 * Surviving customers whose account was opened by the as-of date, with their region's delivery cost and
 * competition, and the id of the unit they are aggregated into: themselves, or their chain for `unit: chain`.
 */
export function customerBaseCte(c: FeatureContext): Cte {
  const chainId = `NULLIF(cu.chain_id, '')`;
  const unitId = c.params.unit === 'chain' ? `COALESCE(${chainId}, cu.customer_id)` : 'cu.customer_id';
  return {
    name: 'customer_base',
    sql: `SELECT cu.customer_id, ${unitId} AS unit_id, cu.customer_type, ${chainId} AS chain_id, cu.cuisine, cu.city,
       cu.district, cu.name, cu.brand, cu.created_date, cu.seats, cu.stores,
       g.delivery_cost_per_order AS delivery_cost, g.competition_index
FROM ${c.table('customers_clean')} cu
LEFT JOIN ${c.table('regions')} g ON g.city = cu.city AND g.district = cu.district
WHERE cu.created_date <= ${c.day(c.windows.asOf)}`,
  };
}

/** What every customer_parts row takes from customer_base. */
const BASE_COLUMNS = `b.customer_id, b.unit_id, b.customer_type, b.chain_id, b.cuisine, b.city, b.district, b.name, b.brand,
       b.created_date AS first_created, b.seats, b.stores, b.delivery_cost, b.competition_index`;

/** The parts no event changes (contracts, credit rating, surveys), with their joins. */
const STATIC_COLUMNS = `COALESCE(k.contract_amount, 0) AS contract_amount, k.contract_expected, r.credit_score,
       v.last_nps, v.last_nps_day, v.last_csat, v.last_csat_day`;
const STATIC_JOINS = `LEFT JOIN contract_parts k ON k.customer_id = b.customer_id
LEFT JOIN credit_parts r ON r.customer_id = b.customer_id
LEFT JOIN survey_parts v ON v.unit_id = b.unit_id`;

/**
 * Per customer: every additive or combinable part the features are computed from, with the defaults of a
 * customer without rows (0 counts and amounts; NULL where there is nothing to measure).
 */
export function customerPartsCte(c: FeatureContext): Cte {
  return {
    name: 'customer_parts',
    sql: `SELECT ${BASE_COLUMNS},
       ${STATIC_COLUMNS},
       ${dynamicColumns(c)}
FROM customer_base b
${STATIC_JOINS}
LEFT JOIN order_parts o ON o.customer_id = b.customer_id
LEFT JOIN earlier_order e ON e.customer_id = b.customer_id
LEFT JOIN invoice_parts i ON i.customer_id = b.customer_id
LEFT JOIN complaint_parts p ON p.customer_id = b.customer_id
LEFT JOIN dispute_parts x ON x.customer_id = b.customer_id`,
  };
}

/**
 * customer_parts with the parts no event changes only (what the order stream reads of a unit besides its rows):
 * the same columns, so that the chain CTEs combine either.
 */
export function staticCustomerPartsCte(): Cte {
  return {
    name: 'customer_parts',
    sql: `SELECT ${BASE_COLUMNS},
       ${STATIC_COLUMNS}
FROM customer_base b
${STATIC_JOINS}`,
  };
}

/** The parts the order stream updates from a unit's rows (order, invoice, complaint and dispute parts). */
const dynamicColumns = (
  c: FeatureContext,
): string => `${c.d.dateOf('COALESCE(o.last_at, e.last_at)')} AS last_day,
       COALESCE(o.orders_long, 0) AS orders_long,
       COALESCE(o.orders_short, 0) AS orders_short,
       COALESCE(o.gross_long, 0) AS gross_long,
       COALESCE(o.refunded_long, 0) AS refunded_long,
       COALESCE(o.net_short, 0) AS net_short,
       o.net_previous,
       CASE WHEN o.orders_long > 0 THEN o.margin_long ELSE 0 END AS margin_long,
       COALESCE(o.repeat_base, 0) AS repeat_base,
       COALESCE(o.repeat_hits, 0) AS repeat_hits,
       CASE WHEN k.customer_id IS NOT NULL THEN COALESCE(o.contract_purchases, 0) END AS contract_purchases,
       COALESCE(i.invoices_due, 0) AS invoices_due,
       COALESCE(i.invoices_on_time, 0) AS invoices_on_time,
       COALESCE(i.overdue_amount, 0) AS overdue_amount,
       i.oldest_overdue_due,
       COALESCE(p.complaints_long, 0) AS complaints_long,
       COALESCE(p.severe_long, 0) AS severe_long,
       COALESCE(x.disputes_open, 0) AS disputes_open,
       COALESCE(x.disputes_long, 0) AS disputes_long`;
