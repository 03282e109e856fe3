import { describe, expect, it } from 'vitest';
import { dayOf, isoDate, periodStart, weekday } from './calendar.js';
import { seasonCurve } from './seasonality.js';

describe('calendar', () => {
  it('covers whole months ending at the end day', () => {
    expect(isoDate(periodStart(dayOf('2025-06-30'), 6))).toBe('2025-01-01');
    expect(isoDate(periodStart(dayOf('2025-06-30'), 24))).toBe('2023-07-01');
    expect(isoDate(periodStart(dayOf('2025-03-15'), 1))).toBe('2025-02-16');
  });

  it('numbers weekdays from Monday', () => {
    expect(weekday(dayOf('2025-06-30'))).toBe(0);
    expect(weekday(dayOf('2025-06-29'))).toBe(6);
  });

  it('dips around the Spring Festival and peaks in summer', () => {
    const first = dayOf('2025-01-01');
    const curve = seasonCurve('neutral', first, dayOf('2025-12-31'));
    const at = (d: string) => curve[dayOf(d) - first] ?? NaN;
    expect(at('2025-01-30')).toBeLessThan(0.4);
    expect(at('2025-07-15')).toBeGreaterThan(at('2025-04-15'));
  });
});
