import { describe, expect, it } from 'vitest';
import { vector } from '../../../../test/support/feature-vectors.js';
import { ModelSpecSchema, TiersConfigSchema } from '../../../contracts/tiering/config.js';
import { activeOverrides, type TierOverride } from './overrides.js';
import { scoreCustomers } from './score-customers.js';

/** As of 2024-06-30 in Asia/Shanghai: the day ends at 16:00 UTC. */
const END = '2024-06-30T16:00:00.000Z';
const o = (
  overrideId: string,
  customerId: string,
  expiresAt: string | null,
  createdAt = '2024-01-01T00:00:00Z',
): TierOverride => ({
  overrideId,
  customerId,
  tier: 'platinum',
  createdAt,
  expiresAt,
});

describe('overrides', () => {
  it('are in force while expires_at is NULL or after the end of the as-of day', () => {
    const active = activeOverrides(
      [
        o('1', 'never', null),
        o('2', 'at-end', '2024-07-01T00:00:00+08:00'),
        o('3', 'after', '2024-07-01T00:00:01+08:00'),
        o('4', 'during', '2024-06-30T12:00:00+08:00'),
      ],
      END,
    );
    expect([...active.keys()].sort()).toEqual(['after', 'never']);
  });

  it('take the latest of several', () => {
    const active = activeOverrides(
      [
        { ...o('1', 'c', null, '2024-01-01T00:00:00Z'), tier: 'gold' },
        { ...o('2', 'c', null, '2024-02-01T00:00:00Z'), tier: 'bronze' },
        { ...o('3', 'c', '2024-06-01T00:00:00Z', '2024-03-01T00:00:00Z'), tier: 'silver' },
      ],
      END,
    );
    expect(active.get('c')).toBe('bronze');
  });

  it('set the tier last, over quotas, inactivity and hysteresis', () => {
    const config = {
      models: { seed: ModelSpecSchema.parse({ kind: 'seed_rfm' }) },
      primaryModel: 'seed',
      tiers: TiersConfigSchema.parse({ inactive: 'exclude' }),
    };
    const vectors = [
      vector('a', { recency_days: 0, orders: 60, monetary: 60000 }),
      vector('b', { recency_days: 0, orders: 1, monetary: 10 }),
      vector('idle', { orders: 0 }),
    ];
    const out = scoreCustomers(config, vectors, {
      previous: new Map([['b', { tier: 'bronze', candidateTier: 'bronze', candidateStreak: 4 }]]),
      overrides: [
        { ...o('1', 'b', null), tier: 'gold' },
        { ...o('2', 'idle', '2024-12-31T00:00:00Z'), tier: 'silver' },
        { ...o('3', 'a', '2024-06-01T00:00:00Z'), tier: 'bronze' },
      ],
      endOfAsOf: END,
    });
    expect(out.map((r) => [r.customerId, r.candidateTier, r.tier, r.tierReason])).toEqual([
      ['a', 'silver', 'silver', 'quota'],
      ['b', 'bronze', 'gold', 'override'],
      ['idle', null, 'silver', 'override'],
    ]);
    // Two ranked customers: silver and bronze; b's bronze candidate continues its streak.
    expect(out[1]?.candidateStreak).toBe(5);
  });
});
