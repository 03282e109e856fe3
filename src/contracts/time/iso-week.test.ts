import { describe, expect, it } from 'vitest';
import {
  IsoWeekSchema,
  formatIsoWeek,
  isoWeekMonday,
  isoWeekOfDate,
  parseIsoWeek,
  weeksInIsoYear,
} from './iso-week.js';

describe('ISO weeks', () => {
  it('parses and formats YYYY-Www', () => {
    expect(parseIsoWeek('2026-W48')).toEqual({ year: 2026, week: 48 });
    expect(formatIsoWeek({ year: 2026, week: 5 })).toBe('2026-W05');
    expect(isoWeekMonday({ year: 2026, week: 48 })).toBe('2026-11-23');
    expect(isoWeekMonday({ year: 2026, week: 1 })).toBe('2025-12-29');
  });

  it('knows which years have 53 weeks', () => {
    expect(weeksInIsoYear(2026)).toBe(53); // starts on a Thursday
    expect(weeksInIsoYear(2025)).toBe(52);
    expect(weeksInIsoYear(2020)).toBe(53); // leap year starting on a Wednesday
    expect(IsoWeekSchema.safeParse('2026-W53').success).toBe(true);
  });

  it('refuses what is not a week, saying why', () => {
    for (const bad of ['2026-48', '2026-W5', '2026W48', '2026-W00', '']) {
      const r = IsoWeekSchema.safeParse(bad);
      expect(r.success).toBe(false);
    }
    const r = IsoWeekSchema.safeParse('2025-W53');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('2025-W53 is not a week: 2025 has ISO weeks W01 to W52');
    expect(IsoWeekSchema.safeParse('2026-48').error?.issues[0]?.message).toBe(
      'expected an ISO week YYYY-Www, e.g. 2026-W48',
    );
    expect(() => parseIsoWeek('2026-W54')).toThrow(/2026-W54.*W01 to W53/);
  });

  it('finds the week of a date, across year ends', () => {
    expect(formatIsoWeek(isoWeekOfDate('2026-11-23'))).toBe('2026-W48');
    expect(formatIsoWeek(isoWeekOfDate('2026-11-29'))).toBe('2026-W48');
    expect(formatIsoWeek(isoWeekOfDate('2026-01-01'))).toBe('2026-W01');
    expect(formatIsoWeek(isoWeekOfDate('2027-01-03'))).toBe('2026-W53');
    expect(formatIsoWeek(isoWeekOfDate('2024-12-30'))).toBe('2025-W01');
    expect(formatIsoWeek(isoWeekOfDate('1969-12-31'))).toBe('1970-W01');
  });
});
