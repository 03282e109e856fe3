import type { CategoryMix } from './category-mix.js';

export interface DemandInput {
  /** Expected value of each customer in each week: one array per week, indexed by customer. */
  readonly weeklyValue: readonly Float64Array[];
  /** Each customer's segment (a combination of city and tier), numbered from 0. */
  readonly segment: Uint32Array;
  readonly segments: number;
  readonly mix: CategoryMix;
}

/** Expected value and quantity per week × segment × category, at index (week · segments + segment) · categories + category. */
export interface ExpectedDemand {
  readonly weeks: number;
  readonly segments: number;
  readonly categories: number;
  readonly value: Float64Array;
  readonly quantity: Float64Array;
}

/**
 * Sums the customers' expected demand into segments: customer i's value in week k and category c is their weekly
 * value × their share of c, its quantity their weekly value × c's units per value.
 */
export function expectedDemand(input: DemandInput): ExpectedDemand {
  const { weeklyValue, segment, segments, mix } = input;
  const { categories, share, unitsPerValue } = mix;
  const weeks = weeklyValue.length;
  const value = new Float64Array(weeks * segments * categories);
  const quantity = new Float64Array(weeks * segments * categories);
  weeklyValue.forEach((perCustomer, k) => {
    if (perCustomer.length !== segment.length)
      throw new RangeError('weeklyValue and segment differ in length');
    perCustomer.forEach((v, i) => {
      const s = segment[i] as number;
      if (s >= segments) throw new RangeError(`customer ${i}: segment ${s} out of range`);
      const cell = (k * segments + s) * categories;
      for (let c = 0; c < categories; c++) {
        value[cell + c] = (value[cell + c] as number) + v * (share[i * categories + c] as number);
        quantity[cell + c] =
          (quantity[cell + c] as number) + v * (unitsPerValue[i * categories + c] as number);
      }
    });
  });
  return { weeks, segments, categories, value, quantity };
}
