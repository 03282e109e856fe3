import { describe, expect, it } from 'vitest';
import { previousSpan, recentSpans, reportSpan } from './report-period.js';

describe('report periods', () => {
  it('a week is the ISO week (Monday to Sunday) holding the date, across a year boundary too', () => {
    expect(reportSpan('week', '2025-06-08')).toEqual({
      period: 'week',
      label: '2025-W23',
      start: '2025-06-02',
      end: '2025-06-08',
    });
    expect(reportSpan('week', '2027-01-01')).toMatchObject({
      label: '2026-W53',
      start: '2026-12-28',
      end: '2027-01-03',
    });
    expect(previousSpan(reportSpan('week', '2026-01-01'))).toMatchObject({
      label: '2025-W52',
      start: '2025-12-22',
    });
  });

  it('a month is the calendar month holding the date, February of a leap year included', () => {
    expect(reportSpan('month', '2024-02-10')).toEqual({
      period: 'month',
      label: '2024-02',
      start: '2024-02-01',
      end: '2024-02-29',
    });
    expect(reportSpan('month', '2025-12-31')).toMatchObject({ start: '2025-12-01', end: '2025-12-31' });
    expect(previousSpan(reportSpan('month', '2025-01-15'))).toMatchObject({
      label: '2024-12',
      end: '2024-12-31',
    });
  });

  it('the recent spans end with the report period, oldest first, without gaps', () => {
    const spans = recentSpans(reportSpan('month', '2025-03-05'), 6);
    expect(spans.map((s) => s.label)).toEqual([
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
    ]);
    const weeks = recentSpans(reportSpan('week', '2025-01-05'), 3);
    expect(weeks.map((s) => [s.label, s.start])).toEqual([
      ['2024-W51', '2024-12-16'],
      ['2024-W52', '2024-12-23'],
      ['2025-W01', '2024-12-30'],
    ]);
  });
});
