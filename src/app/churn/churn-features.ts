import { FEATURE_NAMES } from '../../contracts/tiering/features.js';
import type { Row } from '../../engines/engine.js';

/**
 * The columns a churn model reads: every numeric feature of the catalogue, computed as of the as-of date (none
 * sees a later day, so none leaks the outcome), and customer_type as one 0/1 column. The other attributes are
 * left out: cuisine, city and district have many levels, and the district's delivery cost and competition
 * features carry what the region says; chain_id and name identify the customer. predicted_margin and
 * churn_probability are left out too: model outputs filled only in tiering runs that read them.
 */
const MODEL_OUTPUTS: readonly string[] = ['predicted_margin', 'churn_probability'];
const NUMERIC = FEATURE_NAMES.filter((f) => !MODEL_OUTPUTS.includes(f));

export const CHURN_FEATURES: readonly string[] = [...NUMERIC, 'is_chain'];

/** One named model column of a row of tiering_features: NaN where NULL; is_chain from customer_type. */
function churnValue(row: Row, name: string): number {
  if (name === 'is_chain') return row.customer_type === 'chain' ? 1 : 0;
  const v = row[name];
  return v === null || v === undefined ? NaN : Number(v);
}

/** A row of tiering_features as the model's numbers (CHURN_FEATURES, or the names a saved model lists). */
export function churnFeatureValues(row: Row, names: readonly string[] = CHURN_FEATURES): number[] {
  return names.map((name) => churnValue(row, name));
}
