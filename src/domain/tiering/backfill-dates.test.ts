import { describe, expect, it } from 'vitest';
import { backfillDates } from './backfill-dates.js';

describe('backfillDates', () => {
  it('steps weekly, inclusive of both ends', () => {
    expect(backfillDates('2024-01-01', '2024-01-15', 'week')).toEqual([
      '2024-01-01',
      '2024-01-08',
      '2024-01-15',
    ]);
    expect(backfillDates('2024-01-01', '2024-01-14', 'week')).toEqual(['2024-01-01', '2024-01-08']);
  });

  it('steps monthly on the same day, clamped to short months', () => {
    expect(backfillDates('2024-01-31', '2024-04-30', 'month')).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
    ]);
    expect(backfillDates('2024-11-15', '2025-01-20', 'month')).toEqual([
      '2024-11-15',
      '2024-12-15',
      '2025-01-15',
    ]);
  });

  it('is empty when from is after to', () => {
    expect(backfillDates('2024-02-01', '2024-01-01', 'week')).toEqual([]);
  });
});
