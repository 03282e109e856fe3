import { describe, expect, it } from 'vitest';
import { vector } from '../../../../test/support/feature-vectors.js';
import { ModelSpecSchema } from '../../../contracts/tiering/config.js';
import { scoreModel } from './score-model.js';
import { seedF, seedM, seedR, seedScore } from './seed-rfm.js';

describe('seed_rfm', () => {
  it('cuts recency into 30-day steps, NULL (never ordered) scoring 1', () => {
    expect([0, 29, 30, 59, 60, 119, 120, 400].map(seedR)).toEqual([5, 5, 4, 4, 3, 2, 1, 1]);
    expect(seedR(null)).toBe(1);
  });

  it('counts orders by tens, capped at 5', () => {
    expect([0, 9, 10, 19, 55, 60, 500].map(seedF)).toEqual([0, 0, 1, 1, 5, 5, 5]);
    expect(seedF(null)).toBe(0);
  });

  it('counts monetary by ¥10 000, capped at 5, never below 0', () => {
    expect([0, 9999.99, 10000, 19999.99, 60000, 1e9, -20].map(seedM)).toEqual([0, 0, 1, 1, 5, 5, 0]);
    expect(seedM(null)).toBe(0);
  });

  it('weights r, f, m by 0.4, 0.3, 0.3', () => {
    expect(seedScore(5, 1, 1)).toBeCloseTo(2.6, 12);
    expect(seedScore(1, 0, 0)).toBeCloseTo(0.4, 12);
    expect(seedScore(5, 5, 5)).toBe(5);
    // Equal weighted sums are the same double, whatever the terms (exact integer arithmetic over 10).
    expect(seedScore(4, 0, 0)).toBe(seedScore(1, 2, 2));
  });

  it('scores vectors with terms [r, f, m]', () => {
    const spec = ModelSpecSchema.parse({ kind: 'seed_rfm' });
    const out = scoreModel(spec, [
      vector('a', { recency_days: 0, orders: 10, monetary: 10000 }),
      vector('b', { recency_days: 30, orders: 9, monetary: 9999.99 }),
      vector('c', { recency_days: 120, orders: 55, monetary: 60000 }),
      vector('d', { recency_days: null, orders: null, monetary: null }),
      vector('e', { recency_days: 29, orders: 55, monetary: 60000 }),
    ]);
    expect(out.terms).toEqual([
      [5, 1, 1],
      [4, 0, 0],
      [1, 5, 5],
      [1, 0, 0],
      [5, 5, 5],
    ]);
    const expected = [2.6, 1.6, 3.4, 0.4, 5];
    out.scores.forEach((s, i) => expect(s).toBeCloseTo(expected[i] as number, 12));
    expect(out.segments).toBeNull();
  });
});
