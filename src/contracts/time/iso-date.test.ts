import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, IsoDateSchema } from './iso-date.js';

describe('calendar-day arithmetic', () => {
  it('adds days across months and leap days, and counts them back', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-11-22', -364)).toBe('2025-11-23');
    expect(daysBetween('2025-11-23', '2026-11-22')).toBe(364);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });

  it('validates dates with a reported issue, never a thrown RangeError', () => {
    expect(IsoDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(IsoDateSchema.safeParse('2025-02-30').error?.issues[0]?.message).toBe('is not a calendar date');
    const text = IsoDateSchema.safeParse('abc');
    expect(text.success).toBe(false);
    expect(text.error?.issues.map((i) => i.message)).toContain('expected YYYY-MM-DD');
  });
});
