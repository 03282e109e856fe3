import { describe, expect, it } from 'vitest';
import { averageRanks, normalisedGini, pearson, spearman, topShare } from './value-separation.js';

describe('value separation measures', () => {
  it('Spearman with ties matches scipy.stats.spearmanr’s documented example', () => {
    // scipy docs: spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) → 0.8207826816681233
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(0.8207826816681233, 12);
    expect([...averageRanks([10, 20, 20, 5])]).toEqual([2, 3.5, 3.5, 1]);
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 1, 1], [2, 4, 6])).toBe(0);
  });

  it('top share: the value held by the best-scored share of customers', () => {
    const value = [100, 50, 30, 10, 5, 5, 0, 0, 0, 0];
    expect(topShare([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], value, 0.2)).toBeCloseTo(150 / 200, 12);
    expect(topShare([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], value, 0.2)).toBe(0);
    // 25 % of 10 customers rounds up to 3.
    expect(topShare([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], value, 0.25)).toBeCloseTo(180 / 200, 12);
  });

  it('normalised Gini: 1 for the perfect order, −1 for the reverse, by hand in between', () => {
    const value = [4, 3, 2, 1];
    expect(normalisedGini([4, 3, 2, 1], value)).toBeCloseTo(1, 12);
    expect(normalisedGini([1, 2, 3, 4], value)).toBeCloseTo(-1, 12);
    // Scored order takes values 3,4,2,1: cumulative shares .3,.7,.9,1 less .25,.5,.75,1 → .05+.2+.15 = .4;
    // the perfect order 4,3,2,1: .4,.7,.9,1 → .15+.2+.15 = .5; ratio 0.8.
    expect(normalisedGini([3, 4, 2, 1], value)).toBeCloseTo(0.8, 12);
    expect(normalisedGini([1, 1, 1, 1], [0, 0, 0, 0])).toBe(0);
  });
});
