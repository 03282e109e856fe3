import { FEATURES, FEATURE_NAMES, type FeatureName } from '../../src/contracts/tiering/features.js';

/** Features that are sums of money or whole counts: equal to the last bit however they are summed. */
const EXACT_UNITS = new Set(['yuan', 'days', 'orders', 'complaints', 'disputes', 'seats', 'stores']);
const exactFeature = (name: FeatureName) => EXACT_UNITS.has(FEATURES[name].unit) && name !== 'aov';
const EXACT = new Set<string>([
  ...FEATURE_NAMES.filter(exactFeature),
  'candidate_streak',
  'delivery_priority',
  'credit_limit',
]);

/** Floating values agree within 1e-9 (relative above 1): sums of doubles depend on their order. */
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Why two values of a column differ (undefined when they agree): money, counts and days exactly, other numbers
 * within 1e-9, arrays item by item, anything else identical.
 */
export function valueDifference(column: string, a: unknown, b: unknown): string | undefined {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${column}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
    for (let i = 0; i < a.length; i++) {
      const d = valueDifference(`${column}[${i}]`, a[i], b[i]);
      if (d) return d;
    }
    return undefined;
  }
  if (typeof a === 'number' && typeof b === 'number') {
    const same = EXACT.has(column) ? a === b : close(a, b);
    return same ? undefined : `${column}: ${a} vs ${b} (${(a - b).toExponential(2)})`;
  }
  return Object.is(a, b) ? undefined : `${column}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

/** Every column where two rows differ, as valueDifference explains it. */
export function rowDifferences(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const columns = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...columns].flatMap((c) => valueDifference(c, a[c], b[c]) ?? []);
}
