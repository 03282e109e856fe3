import { describe, expect, it } from 'vitest';
import { expectedPurchases } from '../clv/predict.js';
import { differences, weeklyExpectedPurchases } from './weekly-purchases.js';

/** BG/NBD on CDNOW in weeks (Fader, Hardie & Lee 2005). */
const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('differences', () => {
  it('turns a cumulative series into increments', () => {
    expect([...differences([0.5, 1.2, 1.8, 1.8])]).toEqual([
      0.5,
      expect.closeTo(0.7, 12),
      expect.closeTo(0.6, 12),
      0,
    ]);
    expect([...differences([])]).toEqual([]);
  });
});

describe('weeklyExpectedPurchases', () => {
  const x = [2, 0, 29];
  const tx = [30.43, 0, 38.71];
  const T = [38.86, 38.86, 38.86];

  it('adds up to the published E[Y(39)] of a CDNOW customer (model in weeks)', () => {
    const weeks = weeklyExpectedPurchases('bgnbd', BG, 39, 1, x, tx, T);
    expect(weeks).toHaveLength(39);
    const total = weeks.reduce((sum, w) => sum + (w[0] as number), 0);
    // mpmath reference of src/domain/clv/predict.test.ts
    expect(Math.abs(total - 1.2260281747671404) / 1.2260281747671404).toBeLessThan(1e-12);
  });

  it('week k is E[Y(7k)] − E[Y(7(k−1))] for a model in days', () => {
    const days = (v: number[]) => v.map((d) => d * 7);
    const weeks = weeklyExpectedPurchases(
      'bgnbd',
      { ...BG, alpha: BG.alpha * 7 },
      3,
      7,
      x,
      days(tx),
      days(T),
    );
    const upTo = (t: number) =>
      expectedPurchases('bgnbd', { ...BG, alpha: BG.alpha * 7 }, t, x, days(tx), days(T));
    const [e7, e14, e21] = [upTo(7), upTo(14), upTo(21)];
    x.forEach((_, i) => {
      expect(weeks[0]?.[i]).toBeCloseTo(e7[i] as number, 12);
      expect(weeks[1]?.[i]).toBeCloseTo((e14[i] as number) - (e7[i] as number), 12);
      expect(weeks[2]?.[i]).toBeCloseTo((e21[i] as number) - (e14[i] as number), 12);
    });
  });

  it('expects fewer purchases week after week: customers may have left (E[Y(t)] is concave)', () => {
    const weeks = weeklyExpectedPurchases('bgnbd', BG, 8, 1, x, tx, T);
    for (let k = 1; k < weeks.length; k++)
      x.forEach((_, i) => {
        expect(weeks[k]?.[i]).toBeGreaterThan(0);
        expect(weeks[k]?.[i]).toBeLessThan(weeks[k - 1]?.[i] as number);
      });
  });

  it('refuses a horizon that is not a whole number of weeks', () => {
    expect(() => weeklyExpectedPurchases('bgnbd', BG, 0, 1, x, tx, T)).toThrow(RangeError);
    expect(() => weeklyExpectedPurchases('bgnbd', BG, 1.5, 1, x, tx, T)).toThrow(RangeError);
  });
});
