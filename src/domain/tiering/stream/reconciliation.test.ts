import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, type FeatureName } from '../../../contracts/tiering/features.js';
import { differenceReason, reconcile, type SideOf } from './reconciliation.js';

const features = (over: Partial<Record<FeatureName, number | null>> = {}) =>
  ({ ...Object.fromEntries(FEATURE_NAMES.map((f) => [f, 1])), ...over }) as SideOf['features'];
const side = (over: Partial<SideOf> = {}): SideOf => ({
  tier: 'gold',
  candidateTier: 'gold',
  tierReason: 'quota',
  features: features(),
  ...over,
});

describe('reconciling the stream with the next run', () => {
  it('names why tiers differ', () => {
    const c = (stream: SideOf, batch: SideOf | null) => differenceReason({ customerId: 'C1', stream, batch });
    expect(c(side(), side())).toBeNull();
    expect(c(side(), side({ tier: 'silver', candidateTier: 'silver' }))).toBe('quotas_moved');
    expect(c(side(), side({ tier: 'silver', candidateTier: 'gold', tierReason: 'hysteresis' }))).toBe(
      'hysteresis',
    );
    expect(c(side(), side({ tier: 'bronze', tierReason: 'override' }))).toBe('override');
    expect(c(side(), side({ tier: 'silver', features: features({ monetary: 2 }) }))).toBe('data_changed');
    expect(c(side(), null)).toBe('data_changed');
    // Sums aggregated in another order differ in the last bits: still the same features.
    expect(
      c(
        side(),
        side({ tier: 'silver', candidateTier: 'silver', features: features({ monetary: 1 + 1e-12 }) }),
      ),
    ).toBe('quotas_moved');
  });

  it('counts agreements and differences', () => {
    const r = reconcile(10, [
      { customerId: 'A', stream: side(), batch: side({ tier: 'silver', candidateTier: 'silver' }) },
      { customerId: 'B', stream: side(), batch: side({ tier: 'silver', features: features({ orders: 3 }) }) },
      { customerId: 'C', stream: side(), batch: side() },
    ]);
    expect(r).toMatchObject({ decided: 10, agree: 8, differ: 2 });
    expect(r.reasons).toEqual({ quotas_moved: 1, hysteresis: 0, override: 0, data_changed: 1 });
    expect(r.examples.map((e) => e.customerId)).toEqual(['A', 'B']);
  });
});
