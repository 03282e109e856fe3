import { describe, expect, it } from 'vitest';
import { weekDates, weekIndex } from './iso-week.js';

describe('week dates and index', () => {
  it('lists Monday to Sunday', () => {
    expect(weekDates('2026-W48')).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(weekDates('2026-W01')[0]).toBe('2025-12-29');
  });

  it('counts weeks from the epoch Monday, consecutively across years', () => {
    expect(weekIndex('1970-W02')).toBe(0);
    expect(weekIndex('2027-W01') - weekIndex('2026-W53')).toBe(1);
    expect(weekIndex('2026-W01') - weekIndex('2025-W52')).toBe(1);
    expect(weekIndex('2026-W48') - weekIndex('2025-W48')).toBe(52);
    expect(weekIndex('2027-W48') - weekIndex('2026-W48')).toBe(53); // 2026 has a W53
  });

  it('refuses a bad week', () => {
    expect(() => weekIndex('2026-48')).toThrow(/ISO week/);
  });
});
