import type { CustomerScope } from '../../contracts/access/principal.js';
import { assertUnreachable } from '../../contracts/assert-unreachable.js';
import type { Tier } from '../../contracts/tiering/tiers.js';
import { addDays } from '../../contracts/time/iso-date.js';
import { scopeConditionSql } from '../api/customers/scope-sql.js';
import type { SqlParams } from '../api/customers/sql-params.js';
import type { Dialect } from '../dialects/dialect.js';
import { completedLinesFrom } from '../forecast/order-lines.js';
import { seatBandSql } from '../profiles/profile-members-sql.js';

/** The first day of "all history" (a customer's own purchases): before any order a distributor keeps. */
export const HISTORY_START = '1970-01-01';

/** The customers recommendations are made for. */
export type RecommendationTargets =
  | { readonly kind: 'customer'; readonly customerId: string }
  /** The customers of these tiers in a run (a branch by its chain's tier when the run tiered chains), in scope. */
  | {
      readonly kind: 'tiers';
      readonly runId: string;
      readonly tiers: readonly Tier[];
      readonly scope: CustomerScope;
    }
  /** The customers who bought a SKU for the first time in the days after `cutoff` up to `asOf` (evaluation). */
  | { readonly kind: 'first_buyers'; readonly cutoff: string; readonly asOf: string };

/**
 * Every customer of customers_clean with its peer attributes: cuisine ('' unknown), seat band (as the purchase
 * profiles'), city and district. A relation for a WITH clause.
 */
export const peerAttributesRelation = (d: Dialect): string =>
  `SELECT c.customer_id, COALESCE(c.cuisine, '') AS cuisine,
  ${seatBandSql('c.seats')} AS scale_band,
  c.city, c.district
FROM ${d.quoteIdent('customers_clean')} c`;

/** Distinct (customer, SKU) pairs of the completed orders placed from `firstDay` to `lastDay`, with the category. */
export const boughtRelation = (d: Dialect, firstDay: string, lastDay: string, joins = ''): string =>
  `SELECT o.customer_id, l.sku, MIN(l.category) AS category
FROM ${completedLinesFrom(d, firstDay, lastDay, joins)}
GROUP BY o.customer_id, l.sku`;

/**
 * (customer, SKU) pairs first bought after `cutoff`, up to `asOf`: bought then and never up to the cutoff, by a
 * customer of customers_clean.
 */
export const firstPurchasesRelation = (d: Dialect, cutoff: string, asOf: string): string =>
  `SELECT h.customer_id, h.sku
FROM (${boughtRelation(d, addDays(cutoff, 1), asOf)}) h
JOIN ${d.quoteIdent('customers_clean')} c ON c.customer_id = h.customer_id
LEFT JOIN (${boughtRelation(d, HISTORY_START, cutoff)}) p ON p.customer_id = h.customer_id AND p.sku = h.sku
WHERE p.customer_id IS NULL`;

/**
 * The target customers as (customer_id, tier, custom_assortment): tier and policy of the run for kind tiers,
 * NULL otherwise. Parameters are added to `p`.
 */
export function targetsRelation(d: Dialect, t: RecommendationTargets, p: SqlParams): string {
  const q = d.quoteIdent;
  switch (t.kind) {
    case 'customer':
      return `SELECT customer_id, CAST(NULL AS VARCHAR) AS tier, CAST(NULL AS BOOLEAN) AS custom_assortment
FROM ${q('customers_clean')} WHERE customer_id = ${p.add(t.customerId)}`;
    case 'tiers': {
      if (t.tiers.length === 0) throw new Error('expected at least one tier');
      const run = p.add(t.runId);
      const tiers = t.tiers.map((tier) => p.add(tier)).join(', ');
      return `SELECT c.customer_id, COALESCE(own.tier, chain.tier) AS tier,
  COALESCE(own.custom_assortment, chain.custom_assortment) AS custom_assortment
FROM ${q('customers_clean')} c
LEFT JOIN ${q('tier_snapshots')} own ON own.run_id = ${run} AND own.customer_id = c.customer_id
LEFT JOIN ${q('tier_snapshots')} chain ON chain.run_id = ${run} AND chain.customer_id = c.chain_id
LEFT JOIN ${q('customer_owners_clean')} o ON o.customer_id = c.customer_id
WHERE COALESCE(own.tier, chain.tier) IN (${tiers}) AND ${scopeConditionSql(t.scope, p)}`;
    }
    case 'first_buyers':
      return `SELECT DISTINCT f.customer_id, CAST(NULL AS VARCHAR) AS tier, CAST(NULL AS BOOLEAN) AS custom_assortment
FROM (${firstPurchasesRelation(d, t.cutoff, t.asOf)}) f`;
    default:
      return assertUnreachable(t, 'recommendation targets');
  }
}
