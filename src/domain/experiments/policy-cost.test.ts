import { describe, expect, it } from 'vitest';
import { policyCost } from './policy-cost.js';

describe('policyCost', () => {
  it('adds the extra rebate on the treated GMV and the extra visits at their cost', () => {
    const period = { customers: 10, gmv: 50_000, days: 60.875, costPerVisit: 80 };
    // 1 % of 50,000; 2 visits a month for 2 months for 10 customers at 80.
    expect(policyCost({ extraRebatePct: 1, extraVisitsPerMonth: 0 }, period)).toBeCloseTo(500, 9);
    expect(policyCost({ extraRebatePct: 0, extraVisitsPerMonth: 2 }, period)).toBeCloseTo(3_200, 9);
    expect(policyCost({ extraRebatePct: 1, extraVisitsPerMonth: 2 }, period)).toBeCloseTo(3_700, 9);
    expect(policyCost({ extraRebatePct: 0, extraVisitsPerMonth: 0 }, period)).toBe(0);
  });
});
