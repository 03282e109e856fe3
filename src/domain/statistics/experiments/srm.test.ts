import { describe, expect, it } from 'vitest';
import { sampleRatioMismatch } from './srm.js';

describe('sample ratio mismatch', () => {
  it('flags Kohavi’s example: 821,588 vs 815,482 users at 50/50 has p ≈ 1.8e-6', () => {
    // Kohavi, Tang & Xu (2020), Trustworthy Online Controlled Experiments, ch. 3/21: ratio 0.5018, p-value 1.8E-6.
    const r = sampleRatioMismatch([821_588, 815_482], [1, 1]);
    expect(r.expected).toEqual([818_535, 818_535]);
    // (3053² + 3053²) / 818535
    expect(r.chiSquare).toBeCloseTo((2 * 3053 ** 2) / 818_535, 9);
    expect(r.df).toBe(1);
    expect(r.pValue).toBeCloseTo(1.8e-6, 7);
    expect(r.mismatch).toBe(true);
  });

  it('a split matching the design has p near 1', () => {
    const r = sampleRatioMismatch([50_010, 49_990], [0.5, 0.5]);
    expect(r.pValue).toBeGreaterThan(0.9);
    expect(r.mismatch).toBe(false);
    expect(sampleRatioMismatch([2000, 1000, 1000], [2, 1, 1]).pValue).toBe(1);
  });

  it('reproduces R’s ?chisq.test goodness-of-fit examples (weights rescaled)', () => {
    // x <- c(89,37,30,28,2); chisq.test(x, p = c(40,20,20,15,5), rescale.p = TRUE): X-squared = 9.9901, df = 4,
    // p-value = 0.0406; with p = c(0.40,0.20,0.20,0.19,0.01): X-squared = 5.7947, p-value = 0.215.
    const rescaled = sampleRatioMismatch([89, 37, 30, 28, 2], [40, 20, 20, 15, 5], 0.05);
    expect(rescaled.chiSquare).toBeCloseTo(9.9901, 4);
    expect(rescaled.df).toBe(4);
    expect(rescaled.pValue).toBeCloseTo(0.0406, 4);
    expect(rescaled.mismatch).toBe(true);
    const other = sampleRatioMismatch([89, 37, 30, 28, 2], [0.4, 0.2, 0.2, 0.19, 0.01]);
    expect(other.chiSquare).toBeCloseTo(5.7947, 4);
    expect(other.pValue).toBeCloseTo(0.215, 3);
  });

  it('refuses inconsistent input', () => {
    expect(() => sampleRatioMismatch([1, 2], [1])).toThrow(RangeError);
    expect(() => sampleRatioMismatch([1, 2], [1, 0])).toThrow(RangeError);
    expect(() => sampleRatioMismatch([5], [1])).toThrow(RangeError);
    expect(() => sampleRatioMismatch([-1, 2], [1, 1])).toThrow(RangeError);
    expect(sampleRatioMismatch([0, 0], [1, 1])).toMatchObject({ pValue: 1, mismatch: false });
  });
});
