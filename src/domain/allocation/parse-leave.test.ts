import { describe, expect, it } from 'vitest';
import { formatLeave, isOnLeave, parseLeave } from './parse-leave.js';

describe('parseLeave', () => {
  it('reads inclusive ISO ranges, sorted by start; one day is D..D', () => {
    expect(parseLeave(['2025-08-11..2025-08-11', '2025-07-01..2025-07-05'])).toEqual({
      ok: true,
      value: [
        { from: '2025-07-01', to: '2025-07-05' },
        { from: '2025-08-11', to: '2025-08-11' },
      ],
    });
  });

  it('treats NULL and an empty list as no leave', () => {
    expect(parseLeave(null)).toEqual({ ok: true, value: [] });
    expect(parseLeave(undefined)).toEqual({ ok: true, value: [] });
    expect(parseLeave([])).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['2025-07-05..2025-07-01', /ends before it starts/],
    ['2025-02-30..2025-03-02', /2025-02-30 is not a valid calendar date/],
    ['2025/7/1..2025/7/5', /not a date range \(expected YYYY-MM-DD\.\.YYYY-MM-DD\)/],
    ['2025-07-01', /not a date range/],
    ['2025-07-01..', /not a date range/],
    ['2025-07-01..2025-07-03..2025-07-05', /not a date range/],
  ])('rejects %j with a reason naming the value', (item, reason) => {
    const r = parseLeave(['2025-01-01..2025-01-02', item]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(reason);
      expect(r.reason).toContain(item);
    }
  });

  it('round-trips through formatLeave', () => {
    const r = parseLeave(['2025-07-01..2025-07-05']);
    expect(r.ok && r.value.map(formatLeave)).toEqual(['2025-07-01..2025-07-05']);
  });
});

describe('isOnLeave', () => {
  const leave = [{ from: '2025-07-01', to: '2025-07-05' }];
  it('includes both ends of a range', () => {
    expect(isOnLeave(leave, '2025-06-30')).toBe(false);
    expect(isOnLeave(leave, '2025-07-01')).toBe(true);
    expect(isOnLeave(leave, '2025-07-05')).toBe(true);
    expect(isOnLeave(leave, '2025-07-06')).toBe(false);
    expect(isOnLeave([], '2025-07-01')).toBe(false);
  });
});
