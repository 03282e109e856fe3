import { FEATURE_NAMES } from '../../contracts/tiering/features.js';
import type { Row } from '../../engines/engine.js';

/**
 * The columns a churn model reads: every numeric feature of the catalogue, computed as of the as-of date (none
 * sees a later day, so none leaks the outcome), and customer_type as one 0/1 column. The other attributes are
 * left out: cuisine, city and district have many levels, and the district's delivery cost and competition
 * features carry what the region says; chain_id and name identify the customer.
 */
const NUMERIC = FEATURE_NAMES.filter((f) => f !== 'predicted_margin');

/** predicted_margin is left out: it is filled by a CLV fit only in tiering runs that read it. */
export const CHURN_FEATURES: readonly string[] = [...NUMERIC, 'is_chain'];

/** A row of tiering_features as the model's numbers, NaN where a feature is NULL. */
export function churnFeatureValues(row: Row): number[] {
  return [
    ...NUMERIC.map((f) => (row[f] === null || row[f] === undefined ? NaN : Number(row[f]))),
    row.customer_type === 'chain' ? 1 : 0,
  ];
}
