import { describe, expect, it } from 'vitest';
import { binomialTestAtHalf } from './binomial-test.js';

describe('exact binomial test at p = 1/2', () => {
  it('reproduces exact tails: binom.test(2, 10) = 2·(1 + 10 + 45)/1024', () => {
    expect(binomialTestAtHalf(2, 10)).toBeCloseTo(112 / 1024, 14);
    expect(binomialTestAtHalf(8, 10)).toBeCloseTo(112 / 1024, 14);
    expect(binomialTestAtHalf(1, 5)).toBeCloseTo((2 * (1 + 5)) / 32, 14);
    expect(binomialTestAtHalf(0, 100)).toBeCloseTo(2 * 2 ** -100, 40);
  });

  it('an even split or no trials give 1, never more', () => {
    expect(binomialTestAtHalf(5, 10)).toBe(1);
    expect(binomialTestAtHalf(0, 0)).toBe(1);
    expect(binomialTestAtHalf(2, 5)).toBe(1);
  });

  it('refuses impossible counts', () => {
    expect(() => binomialTestAtHalf(11, 10)).toThrow(RangeError);
    expect(() => binomialTestAtHalf(1.5, 10)).toThrow(RangeError);
  });
});
