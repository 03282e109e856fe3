import { describe, expect, it } from 'vitest';
import { addDays } from '../../contracts/time/iso-date.js';
import { churnSplit } from './time-split.js';

describe('churnSplit', () => {
  it('trains on as-of dates whose label windows end by the test as-of date, oldest first', () => {
    const split = churnSplit('2024-05-01', 60, 3, 28);
    expect(split).toEqual({ testAsOf: '2024-05-01', trainAsOfs: ['2024-01-06', '2024-02-03', '2024-03-02'] });
    for (const a of split.trainAsOfs) expect(addDays(a, 60) <= split.testAsOf).toBe(true);
  });

  it('refuses to train on no dates', () => {
    expect(() => churnSplit('2024-05-01', 60, 0, 28)).toThrow(/trainingDates/);
  });
});
