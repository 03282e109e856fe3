import { describe, expect, it } from 'vitest';
import { TiersConfigSchema } from '../../../contracts/tiering/config.js';
import { TIERS, type Tier } from '../../../contracts/tiering/tiers.js';
import { applyMinScore, quotaCounts, ruleTiers, type RankInput } from './quota-tiers.js';

const defaults = TiersConfigSchema.parse({});
const customer = (i: number, score: number, extra: Partial<RankInput> = {}): RankInput => ({
  customerId: `C${String(i).padStart(4, '0')}`,
  score,
  monetary: 1000,
  scopeKey: null,
  active: true,
  ...extra,
});
const counts = (tiers: readonly (Tier | null)[]) => TIERS.map((t) => tiers.filter((x) => x === t).length);

describe('quota tiers', () => {
  it('rounds cumulative quotas half up', () => {
    // 5/15/30/50: cumulative 5 %, 20 %, 50 %.
    expect(quotaCounts(1, defaults.quotas)).toEqual([0, 0, 1, 0]);
    expect(quotaCounts(3, defaults.quotas)).toEqual([0, 1, 1, 1]);
    expect(quotaCounts(20, defaults.quotas)).toEqual([1, 3, 6, 10]);
    expect(quotaCounts(1000, defaults.quotas)).toEqual([50, 150, 300, 500]);
    expect(quotaCounts(5, { platinum: 10, gold: 20, silver: 30, bronze: 40 })).toEqual([1, 1, 1, 2]);
    // 5.1 + 14.9 is 20, not 20.000000000000004: 10 customers give 2 + 0, not a rounding accident.
    expect(quotaCounts(10, { platinum: 5.1, gold: 14.9, silver: 30, bronze: 50 })).toEqual([1, 1, 3, 5]);
  });

  it.each([1, 3, 20, 1000])('gives exact counts to %i ranked customers', (n) => {
    const out = ruleTiers(
      Array.from({ length: n }, (_, i) => customer(i, (i * 7919) % 1009)),
      defaults,
    );
    expect(counts(out.map((r) => r.tier))).toEqual(quotaCounts(n, defaults.quotas));
    expect(out.every((r) => r.reason === 'quota')).toBe(true);
  });

  it('ranks by score desc, then monetary desc with NULL last, then customer id', () => {
    const out = ruleTiers(
      [
        customer(4, 1, { monetary: null }),
        customer(3, 1, { monetary: 5 }),
        customer(2, 1, { monetary: 10 }),
        customer(1, 1, { monetary: 10 }),
        customer(0, 2, { monetary: null }),
      ],
      defaults,
    );
    const order = [...out].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((r) => r.customerId);
    expect(order).toEqual(['C0000', 'C0001', 'C0002', 'C0003', 'C0004']);
    expect(out.find((r) => r.customerId === 'C0000')?.rankPct).toBe(0);
    expect(out.find((r) => r.customerId === 'C0004')?.rankPct).toBe(0.8);
  });

  it('applies quotas within each scope value, NULL being one scope', () => {
    const cfg = TiersConfigSchema.parse({ scope: 'city' });
    const input = [
      ...Array.from({ length: 20 }, (_, i) => customer(i, i, { scopeKey: '上海' })),
      ...Array.from({ length: 3 }, (_, i) => customer(100 + i, 100 + i, { scopeKey: '北京' })),
      ...Array.from({ length: 1 }, (_, i) => customer(200 + i, 1, { scopeKey: null })),
    ];
    const out = ruleTiers(input, cfg);
    const tiersOf = (from: number, to: number) => counts(out.slice(from, to).map((r) => r.tier));
    expect(tiersOf(0, 20)).toEqual([1, 3, 6, 10]);
    expect(tiersOf(20, 23)).toEqual([0, 1, 1, 1]);
    expect(tiersOf(23, 24)).toEqual([0, 0, 1, 0]);
    // Scope all ranks the 24 together.
    expect(counts(ruleTiers(input, defaults).map((r) => r.tier))).toEqual(quotaCounts(24, defaults.quotas));
  });

  it('drops a customer below its tier minimum to the highest lower tier it meets', () => {
    const mins = { platinum: 90, gold: 50 };
    expect(applyMinScore('platinum', 95, mins)).toBe('platinum');
    expect(applyMinScore('platinum', 60, mins)).toBe('gold');
    expect(applyMinScore('platinum', 40, mins)).toBe('silver');
    expect(applyMinScore('gold', 40, { ...mins, silver: 45 })).toBe('bronze');
    expect(applyMinScore('bronze', -1, mins)).toBe('bronze');

    const cfg = TiersConfigSchema.parse({ minScore: { platinum: 19.5, gold: 17 } });
    // Scores 0…19: platinum (19) meets 19.5? no → gold (19 ≥ 17); gold 18, 17 stay, 16 falls to silver.
    const out = ruleTiers(
      Array.from({ length: 20 }, (_, i) => customer(i, i)),
      cfg,
    );
    const at = (score: number) => out[score];
    expect([at(19)?.tier, at(19)?.reason]).toEqual(['gold', 'min_score']);
    expect([at(18)?.tier, at(18)?.reason]).toEqual(['gold', 'quota']);
    expect([at(16)?.tier, at(16)?.reason]).toEqual(['silver', 'min_score']);
    // Nobody takes the freed slot: counts fall short of the quotas.
    expect(counts(out.map((r) => r.tier))).toEqual([0, 3, 7, 10]);
  });

  it('leaves inactive customers out of the ranking: bronze, or excluded', () => {
    const input = [
      ...Array.from({ length: 20 }, (_, i) => customer(i, i)),
      ...Array.from({ length: 5 }, (_, i) => customer(50 + i, 100, { active: false })),
    ];
    const bronze = ruleTiers(input, defaults);
    expect(counts(bronze.slice(0, 20).map((r) => r.tier))).toEqual([1, 3, 6, 10]);
    expect(bronze.slice(20).map((r) => [r.tier, r.reason, r.rankPct])).toEqual(
      Array(5).fill(['bronze', 'inactive', null]),
    );
    const excluded = ruleTiers(input, TiersConfigSchema.parse({ inactive: 'exclude' }));
    expect(excluded.slice(20).map((r) => [r.tier, r.reason])).toEqual(Array(5).fill([null, 'inactive']));
  });
});
