import { describe, expect, it } from 'vitest';
import { bestF1Threshold, operatingPoint, topShare } from './threshold-metrics.js';

const scores = [0.9, 0.8, 0.7, 0.6, 0.2];
const labels = [1, 0, 1, 0, 0];

describe('operatingPoint', () => {
  it('flags scores at or above the threshold', () => {
    expect(operatingPoint(scores, labels, 0.7)).toEqual({
      threshold: 0.7,
      flagged: 3,
      truePositives: 2,
      precision: 2 / 3,
      recall: 1,
      f1: 0.8,
    });
    expect(operatingPoint(scores, labels, 0.95)).toMatchObject({
      flagged: 0,
      precision: 0,
      recall: 0,
      f1: 0,
    });
  });
});

describe('bestF1Threshold', () => {
  it('picks the score maximising F1 (0.9 → 0.67, 0.8 → 0.5, 0.7 → 0.8, 0.6 → 0.67, 0.2 → 0.57)', () => {
    expect(bestF1Threshold(scores, labels)).toBe(0.7);
  });

  it('flags tied scores together', () => {
    // 0.9 alone: F1 ⅔. The 0.5s can only be flagged all four at once: precision 0.4, recall 1, F1 0.57 (taking
    // just the positive 0.5 would look perfect).
    expect(bestF1Threshold([0.9, 0.5, 0.5, 0.5, 0.5], [1, 1, 0, 0, 0])).toBe(0.9);
    expect(bestF1Threshold([0.9, 0.5, 0.5, 0.1], [1, 1, 0, 0])).toBe(0.5);
  });

  it('is 1 when there is nothing to find', () => {
    expect(bestF1Threshold([0.3, 0.2], [0, 0])).toBe(1);
  });
});

describe('topShare', () => {
  it('flags the highest-scoring share of rows', () => {
    expect(topShare(scores, labels, 0.4)).toMatchObject({ flagged: 2, truePositives: 1, recall: 0.5 });
    expect(topShare(scores, labels, 0.6)).toMatchObject({ threshold: 0.7, flagged: 3, truePositives: 2 });
  });
});
