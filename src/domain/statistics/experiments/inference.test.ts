import { describe, expect, it } from 'vitest';
import { normalInference, studentInference } from './inference.js';

describe('inference from an estimate and its standard error', () => {
  it('normal: z = 1.959964 is the two-sided 5 % point', () => {
    const r = normalInference(1.959964, 1, 0.95);
    expect(r.pValue).toBeCloseTo(0.05, 6);
    expect(r.ciLow).toBeCloseTo(0, 5);
    expect(r.ciHigh).toBeCloseTo(2 * 1.959964, 5);
  });

  it('Student t: the table value t(0.975, 10) = 2.228139', () => {
    const r = studentInference(2.228139 * 3, 3, 10, 0.95);
    expect(r.pValue).toBeCloseTo(0.05, 6);
    expect(r.ciLow).toBeCloseTo(0, 5);
    // 99 %: t(0.995, 10) = 3.169273.
    const wide = studentInference(0, 3, 10, 0.99);
    expect(wide.ciHigh).toBeCloseTo(3 * 3.169273, 5);
    expect(wide.pValue).toBe(1);
  });

  it('keeps tiny p-values instead of rounding 1 − cdf to 0', () => {
    // 2·Φ(−10) = 1.523971e-23.
    expect(normalInference(10, 1, 0.95).pValue).toBeCloseTo(1.523971e-23, 28);
  });

  it('a zero standard error gives a point interval', () => {
    expect(studentInference(0, 0, 5, 0.95)).toEqual({ ciLow: 0, ciHigh: 0, pValue: 1 });
    expect(normalInference(2, 0, 0.95)).toEqual({ ciLow: 2, ciHigh: 2, pValue: 0 });
  });

  it('refuses a confidence outside (0, 1)', () => {
    expect(() => normalInference(1, 1, 95)).toThrow(RangeError);
    expect(() => studentInference(1, 1, 3, 0)).toThrow(RangeError);
  });
});
