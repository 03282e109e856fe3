import { describe, expect, it } from 'vitest';
import { welchDifference } from './welch.js';

// Student's sleep data (Cushny & Peebles 1905), R's `sleep`: extra hours of sleep under two drugs.
const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('Welch difference of means', () => {
  it('reproduces R: t.test(extra ~ group, data = sleep)', () => {
    // t = -1.8608, df = 17.776, p-value = 0.07939, 95 percent CI -3.3654832 0.2054832, means 0.75 and 2.33.
    const r = welchDifference(group1, group2);
    expect(r.estimate).toBeCloseTo(-1.58, 12);
    expect(r.estimate / r.standardError).toBeCloseTo(-1.8608, 4);
    expect(r.df).toBeCloseTo(17.776, 3);
    expect(r.pValue).toBeCloseTo(0.07939, 5);
    expect(r.ciLow).toBeCloseTo(-3.3654832, 7);
    expect(r.ciHigh).toBeCloseTo(0.2054832, 7);
    expect(r.means).toEqual({ control: expect.closeTo(2.33, 12), treatment: expect.closeTo(0.75, 12) });
    expect(r.n).toEqual({ control: 10, treatment: 10 });
  });

  it('is antisymmetric in the arms and widens with the confidence', () => {
    const forward = welchDifference(group1, group2);
    const backward = welchDifference(group2, group1);
    expect(backward.estimate).toBeCloseTo(-forward.estimate, 12);
    expect(backward.ciLow).toBeCloseTo(-forward.ciHigh, 12);
    expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
    const wide = welchDifference(group1, group2, 0.99);
    expect(wide.ciLow).toBeLessThan(forward.ciLow);
    expect(wide.ciHigh).toBeGreaterThan(forward.ciHigh);
  });

  it('Welch df fall between the smaller arm’s and the pooled df with unequal variances and sizes', () => {
    const r = welchDifference([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [0, 10, -10, 20]);
    expect(r.df).toBeGreaterThanOrEqual(3);
    expect(r.df).toBeLessThanOrEqual(14);
  });

  it('constant arms give a point interval; fewer than 2 values per arm are refused', () => {
    const r = welchDifference([1, 1, 1], [0, 0]);
    expect(r).toMatchObject({ estimate: 1, standardError: 0, df: 3, ciLow: 1, ciHigh: 1, pValue: 0 });
    expect(() => welchDifference([1], [1, 2])).toThrow(RangeError);
  });
});
