import { describe, expect, it } from 'vitest';
import { minMax, normaliseTerm, percentRanks, quantileCont, zScores } from './normalise.js';

const W = { lower: 0.1, upper: 0.9 };

describe('percentRanks', () => {
  it('gives (rank − 1) / (n − 1) over non-NULL values, ties sharing the lowest rank', () => {
    expect(percentRanks([10, 20, 20, null, 30])).toEqual([0, 1 / 3, 1 / 3, null, 1]);
    expect(percentRanks([10, 20, 20, null, 30], 'desc')).toEqual([1, 1 / 3, 1 / 3, null, 0]);
  });

  it('is 0 for a single value and all ties', () => {
    expect(percentRanks([5, null])).toEqual([0, null]);
    expect(percentRanks([7, 7, 7])).toEqual([0, 0, 0]);
    expect(percentRanks([null, null])).toEqual([null, null]);
  });
});

describe('quantileCont', () => {
  it('interpolates linearly at q·(n − 1)', () => {
    const xs = [1, 2, 3, 4, 5];
    expect(quantileCont(xs, 0.25)).toBe(2);
    expect(quantileCont(xs, 0.1)).toBeCloseTo(1.4, 12);
    expect(quantileCont(xs, 0.9)).toBeCloseTo(4.6, 12);
    expect(quantileCont([], 0.5)).toBeNull();
  });
});

describe('minMax', () => {
  it('scales between the winsorising quantiles, clipping outliers', () => {
    // lo = 0 + 10·0.4 = 4, hi = 30 + 970·0.6 = 612.
    const out = minMax([0, 10, 20, 30, 1000, null], W);
    const expected = [0, 6 / 608, 16 / 608, 26 / 608, 1, null];
    out.forEach((v, i) =>
      expected[i] === null ? expect(v).toBeNull() : expect(v).toBeCloseTo(expected[i] as number, 12),
    );
  });

  it('is 0.5 when the quantiles coincide', () => {
    expect(minMax([5, 5, 5, null], W)).toEqual([0.5, 0.5, 0.5, null]);
  });
});

describe('zScores', () => {
  it('uses the population standard deviation', () => {
    // mean 5, population sd 2.
    expect(zScores([2, 4, 4, 4, 5, 5, 7, 9, null])).toEqual([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2, null]);
  });

  it('is 0 when the deviation is 0', () => {
    expect(zScores([3, 3, null])).toEqual([0, 0, null]);
  });
});

describe('normaliseTerm', () => {
  it('flips lower-is-better features and gives NULL the neutral value', () => {
    expect(normaliseTerm([10, 20, null], 'percentile', true, W)).toEqual([1, 0, 0.5]);
    expect(normaliseTerm([10, 20, null], 'percentile', false, W)).toEqual([0, 1, 0.5]);
    expect(normaliseTerm([2, 4, 4, 4, 5, 5, 7, 9, null], 'zscore', true, W).map((v) => v + 0)).toEqual([
      1.5, 0.5, 0.5, 0.5, 0, 0, -1, -2, 0,
    ]);
    expect(normaliseTerm([0, 10, 20, 30, 1000, null], 'minmax', true, W)[0]).toBe(1);
    expect(normaliseTerm([0, 10, 20, 30, 1000, null], 'minmax', true, W)[5]).toBe(0.5);
  });
});
