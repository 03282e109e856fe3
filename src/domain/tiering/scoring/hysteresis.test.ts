import { describe, expect, it } from 'vitest';
import { TiersConfigSchema } from '../../../contracts/tiering/config.js';
import type { Tier } from '../../../contracts/tiering/tiers.js';
import { applyHysteresis, candidateStreak, type PreviousTier } from './hysteresis.js';
import type { RuleTier } from './quota-tiers.js';

/** 100 ranked customers, default quotas (edges 5 %, 20 %, 50 %), margin 2 points, 2 runs. */
const cfg = TiersConfigSchema.parse({});
const rule = (position: number | null, tier: Tier | null): RuleTier => ({
  customerId: 'C1',
  position,
  scopeSize: position === null ? null : 100,
  rankPct: position === null ? null : (position - 1) / 100,
  tier,
  reason: position === null ? 'inactive' : 'quota',
});
const prev = (tier: Tier | null, candidateTier: Tier | null = tier, streak = 1): PreviousTier => ({
  tier,
  candidateTier,
  candidateStreak: streak,
});

describe('hysteresis', () => {
  it('moves up when the rank clears the previous band by the margin', () => {
    // Silver's upper edge is 20 %: rank 14 % clears it by 6 points, rank 19 % by 1, 18 % by exactly 2.
    expect(applyHysteresis(rule(15, 'gold'), prev('silver'), cfg)).toEqual({
      tier: 'gold',
      held: false,
      candidateStreak: 1,
    });
    expect(applyHysteresis(rule(19, 'gold'), prev('silver'), cfg)).toEqual({
      tier: 'gold',
      held: false,
      candidateStreak: 1,
    });
    expect(applyHysteresis(rule(20, 'gold'), prev('silver'), cfg)).toEqual({
      tier: 'silver',
      held: true,
      candidateStreak: 1,
    });
  });

  it('moves down only beyond the lower edge plus the margin', () => {
    // Gold's lower edge is 20 %: rank 20 % and 21 % are held, 22 % moves.
    expect(applyHysteresis(rule(21, 'silver'), prev('gold'), cfg).tier).toBe('gold');
    expect(applyHysteresis(rule(22, 'silver'), prev('gold'), cfg).tier).toBe('gold');
    expect(applyHysteresis(rule(23, 'silver'), prev('gold'), cfg)).toEqual({
      tier: 'silver',
      held: false,
      candidateStreak: 1,
    });
  });

  it('moves once the same candidate has held for `runs` runs', () => {
    // Previously a gold candidate once already: this run makes 2.
    expect(applyHysteresis(rule(20, 'gold'), prev('silver', 'gold', 1), cfg)).toEqual({
      tier: 'gold',
      held: false,
      candidateStreak: 2,
    });
    const three = TiersConfigSchema.parse({ hysteresis: { marginPct: 2, runs: 3 } });
    expect(applyHysteresis(rule(20, 'gold'), prev('silver', 'gold', 1), three)).toEqual({
      tier: 'silver',
      held: true,
      candidateStreak: 2,
    });
    expect(applyHysteresis(rule(20, 'gold'), prev('silver', 'gold', 2), three).tier).toBe('gold');
  });

  it('measures a jump of several tiers from the previous band', () => {
    expect(applyHysteresis(rule(1, 'platinum'), prev('bronze'), cfg).tier).toBe('platinum');
    // Bronze's upper edge is 50 %: 49 % does not clear it by 2 points.
    expect(applyHysteresis(rule(50, 'silver'), prev('bronze'), cfg).tier).toBe('bronze');
  });

  it('does not apply without a previous tier, without a rank, or when not configured', () => {
    expect(applyHysteresis(rule(20, 'gold'), undefined, cfg)).toEqual({
      tier: 'gold',
      held: false,
      candidateStreak: 1,
    });
    expect(applyHysteresis(rule(20, 'gold'), prev(null), cfg).tier).toBe('gold');
    expect(applyHysteresis(rule(null, 'bronze'), prev('platinum'), cfg).tier).toBe('bronze');
    expect(applyHysteresis(rule(null, null), prev('platinum'), cfg)).toEqual({
      tier: null,
      held: false,
      candidateStreak: null,
    });
    const off = TiersConfigSchema.parse({ hysteresis: null });
    expect(applyHysteresis(rule(20, 'gold'), prev('silver'), off).tier).toBe('gold');
  });

  it('counts candidate streaks', () => {
    expect(candidateStreak('gold', prev('silver', 'gold', 3))).toBe(4);
    expect(candidateStreak('gold', prev('gold', 'silver', 3))).toBe(1);
    expect(candidateStreak('gold', undefined)).toBe(1);
    expect(candidateStreak(null, prev('gold'))).toBeNull();
  });
});
