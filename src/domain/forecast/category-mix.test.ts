import { describe, expect, it } from 'vitest';
import { categoryMix, type MixInput } from './category-mix.js';

/**
 * Two categories. Group 0: customer 0 with 4 orders worth 300 + 100 (quantities 30 and 5), customer 1 with one
 * order of 100 in category 1 (quantity 10); its average order: 60 + 40 in value, 6 + 3 in quantity. Customer 2 in
 * group 1, which bought nothing, and customer 3 in group 0 without lines of their own.
 */
const input = (pseudoOrders: number): MixInput => ({
  customers: 4,
  categories: 2,
  group: Uint32Array.of(0, 0, 1, 0),
  orders: Float64Array.of(4, 1, 0, 0),
  baskets: {
    customer: Uint32Array.of(0, 0, 1),
    category: Uint32Array.of(0, 1, 1),
    value: Float64Array.of(300, 100, 100),
    quantity: Float64Array.of(30, 5, 10),
  },
  pseudoOrders,
});
const row = (a: Float64Array, i: number) => [...a.subarray(2 * i, 2 * i + 2)];

describe('categoryMix', () => {
  it('adds κ average peer orders to every basket', () => {
    const mix = categoryMix(input(5));
    // customer 0: (300 + 5·60, 100 + 5·40) / (400 + 5·100)
    expect(row(mix.share, 0)).toEqual([expect.closeTo(600 / 900, 12), expect.closeTo(300 / 900, 12)]);
    expect(row(mix.unitsPerValue, 0)).toEqual([expect.closeTo(60 / 900, 12), expect.closeTo(20 / 900, 12)]);
    // customer 1: (0 + 300, 100 + 200) / 600
    expect(row(mix.share, 1)).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0.5, 12)]);
    expect(row(mix.unitsPerValue, 1)).toEqual([expect.closeTo(30 / 600, 12), expect.closeTo(25 / 600, 12)]);
  });

  it('keeps a customer’s own mix with κ = 0, and gives the peers’ mix to customers without lines', () => {
    const mix = categoryMix(input(0));
    expect(row(mix.share, 0)).toEqual([0.75, 0.25]);
    expect(row(mix.share, 1)).toEqual([0, 1]);
    expect(row(mix.share, 3)).toEqual([0.6, 0.4]);
    expect(row(mix.unitsPerValue, 3)).toEqual([0.06, 0.03]);
  });

  it('moves towards the peers’ mix as κ grows, the faster the fewer orders a customer has', () => {
    const own = (kappa: number, i: number) => categoryMix(input(kappa)).share[2 * i] as number;
    expect(own(1, 0)).toBeGreaterThan(own(10, 0));
    expect(own(1000, 0)).toBeCloseTo(0.6, 2);
    // customer 0 (4 orders) keeps more of their own mix than customer 1 (1 order) at the same κ.
    expect(Math.abs(own(2, 0) - 0.75)).toBeLessThan(Math.abs(own(2, 1) - 0));
  });

  it('lends the average basket of all customers to a group without orders', () => {
    const mix = categoryMix(input(3));
    expect(row(mix.share, 2)).toEqual([expect.closeTo(0.6, 12), expect.closeTo(0.4, 12)]);
    for (let i = 0; i < 4; i++) expect(row(mix.share, i).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('refuses a window without orders and a negative κ', () => {
    const empty = { ...input(1), orders: new Float64Array(4) };
    expect(() => categoryMix(empty)).toThrow(/no customer has an order/);
    expect(() => categoryMix(input(-1))).toThrow(RangeError);
  });
});
