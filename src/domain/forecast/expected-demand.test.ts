import { describe, expect, it } from 'vitest';
import { expectedDemand } from './expected-demand.js';

describe('expectedDemand', () => {
  it('splits each customer’s weekly value by their mix and sums it into segments', () => {
    // Customers 0 and 1 in segment 0, customer 2 in segment 1; two categories, two weeks.
    const mix = {
      categories: 2,
      share: Float64Array.of(0.5, 0.5, 1, 0, 0.25, 0.75),
      unitsPerValue: Float64Array.of(0.1, 0.2, 0.3, 0, 0.01, 0.02),
    };
    const d = expectedDemand({
      weeklyValue: [Float64Array.of(100, 10, 40), Float64Array.of(80, 0, 20)],
      segment: Uint32Array.of(0, 0, 1),
      segments: 2,
      mix,
    });
    const at = (week: number, segment: number, category: number) => (week * 2 + segment) * 2 + category;
    expect(d.value[at(0, 0, 0)]).toBeCloseTo(50 + 10, 12);
    expect(d.value[at(0, 0, 1)]).toBeCloseTo(50, 12);
    expect(d.quantity[at(0, 0, 0)]).toBeCloseTo(100 * 0.1 + 10 * 0.3, 12);
    expect(d.value[at(0, 1, 1)]).toBeCloseTo(30, 12);
    expect(d.quantity[at(1, 1, 1)]).toBeCloseTo(20 * 0.02, 12);
    // Nothing is lost: the cells add up to the customers' value.
    expect(d.value.reduce((a, b) => a + b, 0)).toBeCloseTo(250, 9);
  });

  it('refuses a segment out of range', () => {
    const mix = { categories: 1, share: Float64Array.of(1), unitsPerValue: Float64Array.of(1) };
    expect(() =>
      expectedDemand({ weeklyValue: [Float64Array.of(1)], segment: Uint32Array.of(3), segments: 1, mix }),
    ).toThrow(RangeError);
  });
});
