import {
  ATTRIBUTES,
  FEATURE_NAMES,
  type FeatureName,
  type FeatureVector,
} from '../../src/contracts/tiering/features.js';
import { Rng } from '../../src/domain/generation/prng.js';

/** A feature vector with every feature NULL except those given. */
export function vector(
  customerId: string,
  values: Partial<Record<FeatureName | (typeof ATTRIBUTES)[number], number | string | null>> = {},
): FeatureVector {
  const base: Record<string, number | string | null> = { customerId };
  for (const f of FEATURE_NAMES) base[f] = null;
  for (const a of ATTRIBUTES) base[a] = null;
  return { ...base, ...values } as unknown as FeatureVector;
}

/**
 * Generated feature vectors with many ties (values drawn from small grids), NULLs, inactive customers (orders 0)
 * and a few cities and customer types (NULL included).
 */
export function generatedVectors(n: number, seed: number): FeatureVector[] {
  const rng = new Rng(seed, 7);
  const maybe = (p: number, v: () => number): number | null => (rng.chance(p) ? null : v());
  return Array.from({ length: n }, (_, i) => {
    const inactive = rng.chance(0.1);
    const orders = inactive ? 0 : rng.pick([1, 3, 9, 10, 12, 25, 40, 55, 80]);
    const values: Record<string, number | string | null> = {
      recency_days: inactive
        ? maybe(0.5, () => rng.int(300, 400))
        : rng.pick([0, 3, 29, 30, 45, 60, 90, 120, 200]),
      orders: inactive && rng.chance(0.3) ? null : orders,
      monetary: inactive
        ? maybe(0.5, () => 0)
        : maybe(0.05, () => rng.pick([500, 9999.99, 10000, 25000, 60000, 123456.78, -20])),
      margin: maybe(0.1, () => rng.int(0, 40) * 250),
      aov: maybe(0.1, () => rng.pick([120, 350.5, 800, 1200])),
      on_time_payment_rate: maybe(0.2, () => rng.int(0, 10) / 10),
      return_rate: maybe(0.1, () => rng.int(0, 8) / 100),
      days_past_due: maybe(0.5, () => rng.int(0, 6) * 15),
      delivery_cost: rng.pick([8, 12.5, 20, 35]),
      credit_score: maybe(0.3, () => rng.int(1, 9)),
      growth: maybe(0.3, () => rng.int(-10, 20) / 10),
      frequency: orders / 12,
      monetary_recent: maybe(0.1, () => rng.int(0, 30) * 1000),
      repurchase_rate: maybe(0.2, () => rng.int(0, 20) / 20),
      contract_fulfilment: maybe(0.6, () => rng.int(0, 15) / 10),
      competition_index: maybe(0.1, () => rng.int(0, 10) / 10),
      tenure_days: rng.int(30, 2000),
      seats: maybe(0.2, () => rng.pick([20, 40, 80, 150])),
      complaint_rate: maybe(0.2, () => rng.int(0, 5)),
      city: rng.pick(['上海', '北京', '成都', null]),
      customer_type: rng.pick(['restaurant', 'canteen', 'hotel', null]),
    };
    return vector(`C${String(i).padStart(5, '0')}`, values);
  });
}
