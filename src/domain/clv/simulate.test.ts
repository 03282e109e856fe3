import { describe, expect, it } from 'vitest';
import { Rng } from '../generation/prng.js';
import { fitTransactionModel } from './fit.js';
import { groupHistories } from './histories.js';
import { expectedPurchases } from './predict.js';
import { simulateBgnbd } from './simulate.js';
import { betaVariate, gammaVariate } from './variates.js';

const TRUE = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('gamma and beta variates', () => {
  it('have the right means and variances', () => {
    const rng = new Rng(7);
    const n = 200_000;
    for (const [shape, rate] of [
      [0.3, 2],
      [4.5, 0.5],
    ] as const) {
      const draws = Float64Array.from({ length: n }, () => gammaVariate(rng, shape, rate));
      const mean = draws.reduce((s, v) => s + v, 0) / n;
      const variance = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
      expect(mean / (shape / rate)).toBeCloseTo(1, 1);
      expect(variance / (shape / rate ** 2)).toBeCloseTo(1, 1);
    }
    const beta = Float64Array.from({ length: n }, () => betaVariate(rng, 0.793, 2.426));
    expect(beta.reduce((s, v) => s + v, 0) / n).toBeCloseTo(0.793 / (0.793 + 2.426), 2);
  });
});

describe('simulateBgnbd', () => {
  const rng = new Rng(2005);
  const n = 40_000;
  const T = Float64Array.from({ length: n }, () => Math.round(rng.range(27, 39) * 7) / 7);
  const sim = simulateBgnbd(TRUE, n, T, rng, 39);

  it('produces valid histories', () => {
    expect(() => groupHistories(sim.x, sim.tx, sim.T)).not.toThrow();
    expect(sim.x.some((x) => x > 10)).toBe(true);
    expect(sim.holdout.some((x) => x > 0)).toBe(true);
  });

  it('lets a fit recover the parameters it was simulated with', () => {
    const { histories } = groupHistories(sim.x, sim.tx, sim.T);
    const fit = fitTransactionModel('bgnbd', histories);
    // About three standard errors at n = 40,000 (the CDNOW errors at n = 2,357, shrunk by √17).
    expect(Math.abs((fit.params.r as number) / TRUE.r - 1)).toBeLessThan(0.06);
    expect(Math.abs((fit.params.alpha as number) / TRUE.alpha - 1)).toBeLessThan(0.08);
    expect(Math.abs((fit.params.a as number) / TRUE.a - 1)).toBeLessThan(0.15);
    expect(Math.abs((fit.params.b as number) / TRUE.b - 1)).toBeLessThan(0.2);
  });

  it('holdout purchases match the conditional expectations in total and by frequency', () => {
    const expected = expectedPurchases('bgnbd', TRUE, 39, sim.x, sim.tx, sim.T);
    const total = (pick: (i: number) => boolean, v: Float64Array) => {
      let s = 0;
      for (let i = 0; i < n; i++) if (pick(i)) s += v[i] as number;
      return s;
    };
    const all = () => true;
    expect(total(all, sim.holdout) / total(all, expected)).toBeCloseTo(1, 1);
    for (const x of [0, 1, 2]) {
      const pick = (i: number) => sim.x[i] === x;
      expect(Math.abs(total(pick, sim.holdout) / total(pick, expected) - 1)).toBeLessThan(0.06);
    }
  });
});
