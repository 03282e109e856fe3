import { describe, expect, it } from 'vitest';
import { covariance, mean, variance } from './moments.js';

describe('moments', () => {
  it('mean and sample variance of a textbook set', () => {
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(values)).toBe(5);
    // Σ(x − 5)² = 32, over n − 1 = 7.
    expect(variance(values)).toBeCloseTo(32 / 7, 14);
    expect(
      covariance(
        values,
        values.map((v) => -2 * v),
      ),
    ).toBeCloseTo((-2 * 32) / 7, 14);
  });

  it('keeps the variance exact far from zero, where Σx² − n·x̄² cancels', () => {
    // Wikipedia, "Algorithms for calculating variance": 4, 7, 13, 16 has sample variance 30; shifted by 10⁹ the
    // naive formula loses it entirely in double precision.
    const shifted = Float64Array.from([4, 7, 13, 16], (v) => 1e9 + v);
    expect(variance(shifted)).toBe(30);
    let sum = 0;
    let sumSquares = 0;
    for (const v of shifted) {
      sum += v;
      sumSquares += v * v;
    }
    expect(Math.abs((sumSquares - (sum * sum) / 4) / 3 - 30)).toBeGreaterThan(1);
  });

  it('refuses arrays of different lengths and has no variance for one value', () => {
    expect(() => covariance([1, 2], [1, 2, 3])).toThrow(RangeError);
    expect(variance([3])).toBeNaN();
  });
});
