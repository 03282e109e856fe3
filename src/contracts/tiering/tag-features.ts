import type { FeatureName } from './features.js';

/** The features the tag rules read, in the TypeScript rules and their SQL twin alike; a full FeatureVector fits. */
export const TAG_FEATURES = [
  'recency_days',
  'orders',
  'orders_recent',
  'growth',
  'tenure_days',
  'on_time_payment_rate',
  'days_past_due',
  'disputes_open',
  'severe_complaints',
  'credit_score',
  'churn_probability',
  'last_nps',
  'last_nps_days',
  'last_csat',
  'last_csat_days',
] as const satisfies readonly FeatureName[];
