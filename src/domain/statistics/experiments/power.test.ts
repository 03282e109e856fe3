import { describe, expect, it } from 'vitest';
import { minimumDetectableEffect } from './power.js';

describe('minimum detectable effect', () => {
  it('the textbook case: σ = 1, 100 per arm, α = .05, power .8 → (1.959964 + 0.841621)·√(2/100) = 0.3962', () => {
    const mde = minimumDetectableEffect({ sd: 1, nControl: 100, nTreatment: 100 });
    expect(mde).toBeCloseTo(0.3962, 4);
    expect(mde).toBeCloseTo((1.959964 + 0.841621) * Math.sqrt(0.02), 6);
  });

  it('scales with σ, the arm sizes, the levels and the CUPED variance reduction', () => {
    // α = .01, power .9: z = 2.575829 + 1.281552.
    expect(
      minimumDetectableEffect({ sd: 2, nControl: 100, nTreatment: 100, alpha: 0.01, power: 0.9 }),
    ).toBeCloseTo((2.575829 + 1.281552) * 2 * Math.sqrt(0.02), 5);
    // Removing 75 % of the variance halves the MDE.
    expect(
      minimumDetectableEffect({ sd: 1, nControl: 100, nTreatment: 100, varianceReduction: 0.75 }),
    ).toBeCloseTo(0.3962 / 2, 4);
    // 50 vs 200: √(1/50 + 1/200) = √0.025.
    expect(minimumDetectableEffect({ sd: 1, nControl: 50, nTreatment: 200 })).toBeCloseTo(
      (1.959964 + 0.841621) * Math.sqrt(0.025),
      6,
    );
  });

  it('refuses impossible inputs', () => {
    expect(() => minimumDetectableEffect({ sd: 1, nControl: 0, nTreatment: 10 })).toThrow(RangeError);
    expect(() => minimumDetectableEffect({ sd: -1, nControl: 10, nTreatment: 10 })).toThrow(RangeError);
    expect(() => minimumDetectableEffect({ sd: 1, nControl: 10, nTreatment: 10, power: 1 })).toThrow(
      RangeError,
    );
    expect(() =>
      minimumDetectableEffect({ sd: 1, nControl: 10, nTreatment: 10, varianceReduction: 1 }),
    ).toThrow(RangeError);
  });
});
