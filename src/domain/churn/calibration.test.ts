import { describe, expect, it } from 'vitest';
import { expectedCalibrationError, reliabilityBins } from './calibration.js';
import { brierScore, logLoss } from './probability-scores.js';

describe('reliabilityBins', () => {
  it('cuts the rows sorted by prediction into equal-count bins with mean prediction and observed rate', () => {
    const p = [0.9, 0.1, 0.2, 0.8, 0.15, 0.85];
    const y = [1, 0, 1, 1, 0, 0];
    expect(reliabilityBins(p, y, 2)).toEqual([
      { count: 3, minPredicted: 0.1, maxPredicted: 0.2, meanPredicted: 0.15, observedRate: 1 / 3 },
      { count: 3, minPredicted: 0.8, maxPredicted: 0.9, meanPredicted: 0.85, observedRate: 2 / 3 },
    ]);
  });

  it('gives bins of sizes differing by at most one, and none empty', () => {
    const p = Array.from({ length: 23 }, (_, i) => i / 23);
    const bins = reliabilityBins(
      p,
      p.map(() => 0),
    );
    expect(bins.map((b) => b.count).sort()).toEqual([2, 2, 2, 2, 2, 2, 2, 3, 3, 3]);
    expect(reliabilityBins([0.5, 0.6], [0, 1])).toHaveLength(2);
  });
});

describe('expectedCalibrationError', () => {
  it('is the row-weighted mean gap between prediction and outcome', () => {
    const bins = reliabilityBins([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1], 2);
    // |0.15 − 0| and |0.85 − 1|, each half the rows.
    expect(expectedCalibrationError(bins)).toBeCloseTo(0.15, 12);
  });

  it('is 0 for predictions that match the observed rates', () => {
    const p = [0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75];
    const y = [1, 0, 0, 0, 1, 1, 1, 0];
    expect(expectedCalibrationError(reliabilityBins(p, y, 2))).toBe(0);
  });
});

describe('brierScore and logLoss', () => {
  it('give the hand-computed values', () => {
    expect(brierScore([0.8, 0.3], [1, 0])).toBeCloseTo((0.04 + 0.09) / 2, 15);
    expect(logLoss([0.8, 0.3], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 15);
  });

  it('keeps a confident miss finite', () => {
    expect(logLoss([0], [1])).toBeCloseTo(-Math.log(1e-15), 6);
  });
});
