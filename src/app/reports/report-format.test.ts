import { describe, expect, it } from 'vitest';
import {
  count,
  money,
  percent,
  relativeChange,
  signedCount,
  signedMoney,
  signedPercent,
  signedPoints,
} from './report-format.js';

describe('report number formats', () => {
  it('writes money in yuan with 2 decimals and separators, percentages with 1 decimal', () => {
    expect(money(1234.5)).toBe('¥1,234.50');
    expect(money(-12)).toBe('-¥12.00');
    expect(count(1234567)).toBe('1,234,567');
    expect(percent(0.12345)).toBe('12.3%');
  });

  it('signs changes, and prints no sign for a change that rounds to nothing', () => {
    expect(signedCount(2)).toBe('+2');
    expect(signedCount(-1234)).toBe('-1,234');
    expect(signedCount(0)).toBe('0');
    expect(signedMoney(-3.5)).toBe('-¥3.50');
    expect(signedPoints(0.012)).toBe('+1.2');
    expect(signedPoints(-0.00004)).toBe('0.0');
    expect(signedPercent(0.034)).toBe('+3.4%');
    expect(relativeChange(110, 100)).toBeCloseTo(0.1, 12);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(5, null)).toBeNull();
  });
});
