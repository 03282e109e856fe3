import { UNTIERED } from '../../contracts/forecast/forecast.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/**
 * Every customer of customers_clean with the labels of its forecast cells: city, cuisine ('' when unknown) and the
 * tier of the tiering run `$1` (a chain's tier for its branches when the run tiered chains), else 'untiered'.
 * A relation for a WITH clause; the run id is parameter 1 ('' for none).
 */
export function customerLabelsRelation(d: Dialect): string {
  const q = d.quoteIdent;
  const tiers = `(SELECT customer_id, tier FROM ${q('tier_snapshots')} WHERE run_id = ${d.param(1)} AND tier IS NOT NULL)`;
  return `SELECT c.customer_id, c.city, COALESCE(c.cuisine, '') AS cuisine,
       COALESCE(own.tier, chain.tier, '${UNTIERED}') AS tier
FROM ${q('customers_clean')} c
LEFT JOIN ${tiers} own ON own.customer_id = c.customer_id
LEFT JOIN ${tiers} chain ON chain.customer_id = c.chain_id`;
}

export const customerLabelsSql = (d: Dialect, runId: string | null): SqlQuery =>
  sql(`${customerLabelsRelation(d)}\nORDER BY c.customer_id`, [runId ?? '']);
