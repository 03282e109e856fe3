import { describe, expect, it } from 'vitest';
import { Rng } from '../generation/prng.js';
import { rocAuc } from './roc-auc.js';

/** The definition: over all (positive, negative) pairs, 1 when the positive scores higher, ½ on a tie. */
function aucByPairs(scores: readonly number[], labels: readonly number[]): number {
  let sum = 0;
  let pairs = 0;
  scores.forEach((p, i) =>
    scores.forEach((q, j) => {
      if (labels[i] !== 1 || labels[j] !== 0) return;
      pairs++;
      sum += p > q ? 1 : p === q ? 0.5 : 0;
    }),
  );
  return sum / pairs;
}

describe('rocAuc', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one, ½ when every score ties', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
  });

  it('gives the hand-computed values, a tie counting ½', () => {
    // Positives 0.35 and 0.8 against negatives 0.1 and 0.4: 3 of 4 pairs ordered right.
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    // Positives 0.5 and 0.9 against negatives 0.5 and 0.2: ½ + 1 + 1 + 1 of 4.
    expect(rocAuc([0.5, 0.5, 0.2, 0.9], [1, 0, 0, 1])).toBe(0.875);
  });

  it('agrees with the pairwise definition on data with many ties', () => {
    const rng = new Rng(5);
    const scores = Array.from({ length: 300 }, () => rng.int(0, 20) / 20);
    const labels = scores.map((s) => (rng.chance(0.2 + 0.6 * s) ? 1 : 0));
    expect(rocAuc(scores, labels)).toBeCloseTo(aucByPairs(scores, labels), 12);
  });

  it('is NaN without both classes', () => {
    expect(rocAuc([0.1, 0.2], [1, 1])).toBeNaN();
    expect(rocAuc([], [])).toBeNaN();
  });
});
