import { SqlParams } from '../api/customers/sql-params.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { windowStart, type AdoptionWindow } from './peer-adoption-sql.js';
import { completedLinesFrom, dateLiteral } from '../forecast/order-lines.js';
import {
  firstPurchasesRelation,
  HISTORY_START,
  peerAttributesRelation,
  targetsRelation,
  type RecommendationTargets,
} from './targets-sql.js';

/**
 * The target customers with name, tier and custom-assortment policy (kind tiers) and peer attributes. Ordered by
 * customer.
 */
export function targetCustomersSql(d: Dialect, targets: RecommendationTargets): SqlQuery {
  const p = new SqlParams(d);
  return sql(
    `WITH attrs AS (${peerAttributesRelation(d)})
SELECT t.customer_id, c.name, t.tier, t.custom_assortment, a.cuisine, a.scale_band, a.city, a.district
FROM (${targetsRelation(d, targets, p)}) t
JOIN attrs a ON a.customer_id = t.customer_id
JOIN ${d.quoteIdent('customers_clean')} c ON c.customer_id = t.customer_id
ORDER BY t.customer_id`,
    p.values,
  );
}

/**
 * Every SKU each target customer bought up to the end of the window's as-of day (all history), with in_window = 1
 * when it bought the SKU within the window too (a customer with any such SKU is among its groups' peers). Ordered
 * by customer and SKU.
 */
export function targetSkusSql(d: Dialect, w: AdoptionWindow, targets: RecommendationTargets): SqlQuery {
  const p = new SqlParams(d);
  const joins = `JOIN (${targetsRelation(d, targets, p)}) t ON t.customer_id = o.customer_id`;
  const inWindow = `o.ordered_at >= ${d.startOfDay(dateLiteral(windowStart(w)))}`;
  return sql(
    `SELECT o.customer_id, l.sku, MAX(CASE WHEN ${inWindow} THEN 1 ELSE 0 END) AS in_window
FROM ${completedLinesFrom(d, HISTORY_START, w.asOf, joins)}
GROUP BY o.customer_id, l.sku
ORDER BY o.customer_id, l.sku`,
    p.values,
  );
}

/** The (customer, SKU) pairs first bought after `cutoff` up to `asOf` (the holdout's hits to find). */
export const firstPurchasesSql = (d: Dialect, cutoff: string, asOf: string): SqlQuery =>
  sql(
    `SELECT customer_id, sku FROM (${firstPurchasesRelation(d, cutoff, asOf)}) f ORDER BY customer_id, sku`,
  );
