import { describe, expect, it } from 'vitest';
import { currentWeek } from './current-week';

describe('currentWeek', () => {
  it('is the ISO week of the day in Shanghai, not in UTC', () => {
    // Sunday 2026-11-29 20:00 UTC is Monday 2026-11-30 04:00 in Shanghai: week 49, not 48.
    expect(currentWeek(Date.parse('2026-11-29T20:00:00Z'))).toBe('2026-W49');
    expect(currentWeek(Date.parse('2026-11-29T15:00:00Z'))).toBe('2026-W48');
    // 2027-01-01 is in the last ISO week of 2026.
    expect(currentWeek(Date.parse('2027-01-01T12:00:00Z'))).toBe('2026-W53');
  });
});
