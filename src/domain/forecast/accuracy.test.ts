import { describe, expect, it } from 'vitest';
import { accuracy } from './accuracy.js';

describe('accuracy', () => {
  it('MAPE averages the percentage errors, WMAPE weighs them by the actuals', () => {
    // errors 10 of 100 (10 %) and 5 of 10 (50 %): MAPE 30 %, WMAPE 15 / 110.
    const a = accuracy([110, 5], [100, 10]);
    expect(a.mape).toBeCloseTo(0.3, 12);
    expect(a.wmape).toBeCloseTo(15 / 110, 12);
    expect(a.bias).toBeCloseTo(115 / 110 - 1, 12);
    expect(a).toMatchObject({ cells: 2, scoredCells: 2, forecast: 115, actual: 110 });
  });

  it('leaves cells with no actual out of MAPE but counts their error in WMAPE', () => {
    const a = accuracy([50, 20], [40, 0]);
    expect(a.scoredCells).toBe(1);
    expect(a.mape).toBeCloseTo(0.25, 12);
    expect(a.wmape).toBeCloseTo(30 / 40, 12);
  });

  it('is perfect for a perfect forecast and undefined without actuals', () => {
    expect(accuracy([3, 4], [3, 4])).toMatchObject({ mape: 0, wmape: 0, bias: 0 });
    expect(accuracy([1], [0])).toMatchObject({ mape: null, wmape: null, bias: null, scoredCells: 0 });
    expect(accuracy([], [])).toMatchObject({ cells: 0, mape: null });
  });

  it('refuses misaligned inputs', () => {
    expect(() => accuracy([1, 2], [1])).toThrow(RangeError);
  });
});
