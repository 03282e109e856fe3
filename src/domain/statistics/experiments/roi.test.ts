import { describe, expect, it } from 'vitest';
import { experimentRoi } from './roi.js';

describe('experiment ROI', () => {
  it('scales the effect and its interval by the treated units and subtracts the cost', () => {
    // 12.5 yuan per customer [2.5, 22.5] over 400 customers = 5000 [1000, 9000]; less 3000 of rebates.
    expect(experimentRoi({ estimate: 12.5, ciLow: 2.5, ciHigh: 22.5 }, 400, 3000)).toEqual({
      incrementalMargin: 5000,
      policyCost: 3000,
      net: 2000,
      ciLow: -2000,
      ciHigh: 6000,
    });
  });

  it('no treated units earn nothing and cost what they cost', () => {
    expect(experimentRoi({ estimate: 3, ciLow: 1, ciHigh: 5 }, 0, 120)).toMatchObject({
      net: -120,
      ciLow: -120,
    });
  });

  it('refuses a negative count or a non-finite cost', () => {
    expect(() => experimentRoi({ estimate: 1, ciLow: 0, ciHigh: 2 }, -1, 0)).toThrow(RangeError);
    expect(() => experimentRoi({ estimate: 1, ciLow: 0, ciHigh: 2 }, 10, NaN)).toThrow(RangeError);
  });
});
