import type { FeatureName } from './features.js';

/** The features no event changes (each as featuresSql computes it for the unit), read with the unit's rows. */
export const STATIC_FEATURES = [
  'tenure_days',
  'contract_amount',
  'credit_score',
  'seats',
  'stores',
  'delivery_cost',
  'competition_index',
  'last_nps',
  'last_nps_days',
  'last_csat',
  'last_csat_days',
  'predicted_margin',
  'churn_probability',
] as const satisfies readonly FeatureName[];

export type StaticFeature = (typeof STATIC_FEATURES)[number];
export type DynamicFeature = Exclude<FeatureName, StaticFeature>;
