import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOCATION_SETTINGS } from '../../contracts/allocation/settings.js';
import { TIERS } from '../../contracts/tiering/tiers.js';
import { weeklyWorkload } from '../allocation/workload.js';
import { expectedWeeklyHoursPerCustomer, VISITS_PER_MONTH, weeklyHoursOf } from './rep-workload.js';

describe('rep workload model', () => {
  it('costs a customer its visits (40 min + 20 min travel) and its weekly service minutes', () => {
    // Platinum: 4 visits a month = 12/13 a week × 60 min, plus 30 min of service.
    expect(weeklyHoursOf('platinum')).toBeCloseTo(((48 / 52) * 60 + 30) / 60, 10);
    expect(weeklyHoursOf('bronze')).toBeCloseTo(2 / 60, 10);
    expect(expectedWeeklyHoursPerCustomer()).toBeCloseTo(0.2713, 3);
  });

  it('is what allocation charges with its default settings for a customer without coordinates', () => {
    for (const tier of TIERS)
      expect(weeklyHoursOf(tier), tier).toBeCloseTo(
        weeklyWorkload(VISITS_PER_MONTH[tier], tier, null, DEFAULT_ALLOCATION_SETTINGS),
        10,
      );
  });
});
