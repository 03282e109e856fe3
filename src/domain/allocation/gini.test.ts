import { describe, expect, it } from 'vitest';
import { gini } from './gini.js';

/** The definition itself, O(n²): Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄). */
function giniByPairs(xs: readonly number[]): number {
  const n = xs.length;
  const total = xs.reduce((s, x) => s + x, 0);
  let diff = 0;
  for (const a of xs) for (const b of xs) diff += Math.abs(a - b);
  return diff / (2 * n * total);
}

describe('gini', () => {
  it('is 0 when everyone has the same', () => {
    expect(gini([1, 1, 1])).toBe(0);
    expect(gini([7.3, 7.3, 7.3, 7.3, 7.3, 7.3, 7.3])).toBe(0);
    expect(gini([5])).toBe(0);
  });

  it('is 0 for no values and for all zeros', () => {
    expect(gini([])).toBe(0);
    expect(gini([0, 0, 0])).toBe(0);
  });

  it('is (n − 1) / n when one value holds everything', () => {
    expect(gini([0, 0, 0, 1])).toBe(0.75);
    expect(gini([0, 10])).toBe(0.5);
  });

  it('gives (n − 1) / 3n for the evenly spread 1…n (textbook example)', () => {
    expect(gini([1, 2, 3, 4, 5])).toBeCloseTo(4 / 15, 15);
    expect(gini([5, 3, 1, 4, 2])).toBeCloseTo(4 / 15, 15);
    expect(gini([2, 4, 6, 8, 10])).toBeCloseTo(4 / 15, 15);
  });

  it('agrees with the pairwise definition', () => {
    const xs = [3, 0, 12.5, 7, 7, 1, 40, 2.25];
    expect(gini(xs)).toBeCloseTo(giniByPairs(xs), 12);
  });

  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    gini(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});
