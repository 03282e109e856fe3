import { PIPELINE_TABLES } from '../../../contracts/tiering/pipeline-tables.js';
import type { Dialect } from '../../dialects/dialect.js';

/**
 * What the effective policies cost, per tier and in total (tier NULL on the total row): the figures of
 * src/domain/tiering/policies/policy-costs.ts summed in the engine over `tagged` (tiering_tagged or a table with
 * its columns) joined with `features` for monetary. Columns: tier, customers, rebate_cost, discount_cost,
 * credit_exposure, visits_per_month, dedicated_managers.
 */
export function policyCostsSql(
  d: Dialect,
  tagged: string = PIPELINE_TABLES.tagged,
  features: string = PIPELINE_TABLES.features,
): string {
  const q = d.quoteIdent;
  const m = 'GREATEST(COALESCE(f.monetary, 0), 0)';
  return `SELECT t.tier, count(*) AS customers,
  COALESCE(sum(t.rebate_pct / 100 * ${m}), 0) AS rebate_cost,
  COALESCE(sum(t.discount_pct / 100 * ${m}), 0) AS discount_cost,
  COALESCE(sum(t.credit_limit), 0) AS credit_exposure,
  COALESCE(sum(t.visits_per_month), 0) AS visits_per_month,
  COALESCE(sum(CASE WHEN t.dedicated_manager THEN 1 ELSE 0 END), 0) AS dedicated_managers
FROM ${q(tagged)} t
LEFT JOIN ${q(features)} f ON f.customer_id = t.customer_id
WHERE t.tier IS NOT NULL
GROUP BY ROLLUP (t.tier)
ORDER BY t.tier NULLS LAST`;
}
