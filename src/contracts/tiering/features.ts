/**
 * The feature catalogue: every numeric feature computed per customer (or chain) as of a date, from the *_clean
 * views. `long` and `short` are the two configured windows (default 365 and 90 days). `better` says which way a
 * feature counts for the customer's value: normalisers flip `lower` features so that a higher normalised value is
 * always better.
 */
export interface FeatureDef {
  readonly description: string;
  readonly unit: string;
  readonly better: 'higher' | 'lower';
}

export const FEATURES = {
  recency_days: { description: 'Days since the last completed order', unit: 'days', better: 'lower' },
  orders: { description: 'Completed orders in the long window', unit: 'orders', better: 'higher' },
  orders_recent: { description: 'Completed orders in the short window', unit: 'orders', better: 'higher' },
  frequency: {
    description: 'Completed orders per 30 days over the long window',
    unit: 'orders/month',
    better: 'higher',
  },
  monetary: {
    description: 'Net purchases (orders minus refunds) in the long window',
    unit: 'yuan',
    better: 'higher',
  },
  monetary_recent: { description: 'Net purchases in the short window', unit: 'yuan', better: 'higher' },
  margin: {
    description: 'Gross margin of completed orders in the long window',
    unit: 'yuan',
    better: 'higher',
  },
  aov: { description: 'Average completed order value in the long window', unit: 'yuan', better: 'higher' },
  repurchase_rate: {
    description:
      'Share of orders followed by another order within 30 days (orders with 30 days of hindsight)',
    unit: '0–1',
    better: 'higher',
  },
  return_rate: {
    description: 'Refunded amount over ordered amount in the long window',
    unit: '0–1',
    better: 'lower',
  },
  tenure_days: { description: 'Days since the account was opened', unit: 'days', better: 'higher' },
  contract_amount: {
    description: 'Committed amount of contracts active on the as-of date',
    unit: 'yuan',
    better: 'higher',
  },
  contract_fulfilment: {
    description: 'Purchases since the active contracts started over their committed amount pro rata to date',
    unit: 'ratio',
    better: 'higher',
  },
  growth: {
    description:
      'Net purchases in the short window over those in the short window before it, minus 1; null below a ¥1,000 base',
    unit: 'ratio',
    better: 'higher',
  },
  on_time_payment_rate: {
    description: 'Share of invoices due in the long window that were paid by their due date',
    unit: '0–1',
    better: 'higher',
  },
  days_past_due: {
    description: 'Days the oldest unpaid overdue invoice is past due on the as-of date',
    unit: 'days',
    better: 'lower',
  },
  overdue_amount: {
    description: 'Unpaid amount of invoices past due on the as-of date',
    unit: 'yuan',
    better: 'lower',
  },
  complaint_rate: {
    description: 'Complaints per 100 orders in the long window',
    unit: 'per 100 orders',
    better: 'lower',
  },
  severe_complaints: {
    description: 'High-severity complaints in the long window',
    unit: 'complaints',
    better: 'lower',
  },
  disputes_open: { description: 'Legal disputes open on the as-of date', unit: 'disputes', better: 'lower' },
  disputes: { description: 'Legal disputes opened in the long window', unit: 'disputes', better: 'lower' },
  credit_score: {
    description: 'Latest third-party rating as a score: AAA = 9 … C = 1',
    unit: 'score 1–9',
    better: 'higher',
  },
  seats: { description: 'Seats of the restaurant', unit: 'seats', better: 'higher' },
  stores: { description: 'Stores of the chain brand', unit: 'stores', better: 'higher' },
  delivery_cost: {
    description: 'Delivery cost per order in the customer’s district',
    unit: 'yuan/order',
    better: 'lower',
  },
  competition_index: {
    description: 'Competitors’ share of the customer’s district (0–1)',
    unit: '0–1',
    better: 'lower',
  },
  last_nps: {
    description:
      'Score (0–10) of the latest NPS survey response up to the as-of date (9–10 promoter, 0–6 detractor); NULL without one',
    unit: 'points 0–10',
    better: 'higher',
  },
  last_nps_days: {
    description: 'Days from the latest NPS response to the as-of date',
    unit: 'days',
    better: 'lower',
  },
  last_csat: {
    description: 'Score (1–5) of the latest CSAT survey response up to the as-of date; NULL without one',
    unit: 'points 1–5',
    better: 'higher',
  },
  last_csat_days: {
    description: 'Days from the latest CSAT response to the as-of date',
    unit: 'days',
    better: 'lower',
  },
  predicted_margin: {
    description:
      'Predicted gross margin of the next `prediction.horizonDays` (default 365): BG/NBD expected orders × Gamma-Gamma expected order value × the customer’s margin rate, fitted as of the run; NULL unless a model uses it',
    unit: 'yuan',
    better: 'higher',
  },
  churn_probability: {
    description:
      'Probability of no order in the churn model’s window, from the saved model the churn_warning rule names (active customers); NULL otherwise',
    unit: '0–1',
    better: 'lower',
  },
} as const satisfies Record<string, FeatureDef>;

export type FeatureName = keyof typeof FEATURES;
export const FEATURE_NAMES = Object.keys(FEATURES) as FeatureName[];

/** Attributes carried beside the features, for scopes, reports and explanations. */
export const ATTRIBUTES = ['customer_type', 'chain_id', 'cuisine', 'city', 'district', 'name'] as const;
export type AttributeName = (typeof ATTRIBUTES)[number];

/** A customer's features as of a date: numbers (null when not defined, e.g. no invoices) and attributes. */
export type FeatureVector = { readonly customerId: string } & Readonly<Record<FeatureName, number | null>> &
  Readonly<Record<AttributeName, string | null>>;

/** The feature vector in a row holding customer_id and the feature and attribute columns (tiering_features, a snapshot). */
export function featureVectorOf(row: Readonly<Record<string, unknown>>): FeatureVector {
  const v: Record<string, unknown> = { customerId: String(row.customer_id) };
  for (const f of FEATURE_NAMES) v[f] = row[f] === null || row[f] === undefined ? null : Number(row[f]);
  for (const a of ATTRIBUTES) v[a] = row[a] === null || row[a] === undefined ? null : String(row[a]);
  return v as FeatureVector;
}
