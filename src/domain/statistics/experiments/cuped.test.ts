import { describe, expect, it } from 'vitest';
import { Rng } from '../../generation/prng.js';
import { pearson } from '../value-separation.js';
import { cupedAdjust } from './cuped.js';
import { mean, variance } from './moments.js';
import { welchDifference } from './welch.js';

/** A pre-period metric x, a post-period metric y = 50 + 0.8·x + effect·treated + noise, treatment by coin flip. */
function simulate(rng: Rng, n: number, effect: number) {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const treated = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = 1000 + 200 * rng.normal();
    treated[i] = rng.chance(0.5) ? 1 : 0;
    y[i] = 50 + 0.8 * (x[i] as number) + effect * (treated[i] as number) + 100 * rng.normal();
  }
  return { x, y, treated };
}

const arms = (values: ArrayLike<number>, treated: Uint8Array) => ({
  treatment: Array.from(values).filter((_, i) => treated[i] === 1),
  control: Array.from(values).filter((_, i) => treated[i] === 0),
});

describe('CUPED', () => {
  it('θ is cov(y, x)/var(x) and the variance reduction is ρ²(y, x)', () => {
    const { x, y } = simulate(new Rng(2013, 1), 400, 10);
    // cov/var written out naively: the ratio does not depend on the divisor.
    let mx = 0;
    let my = 0;
    for (let i = 0; i < x.length; i++) {
      mx += x[i] as number;
      my += y[i] as number;
    }
    mx /= x.length;
    my /= y.length;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < x.length; i++) {
      sxy += ((x[i] as number) - mx) * ((y[i] as number) - my);
      sxx += ((x[i] as number) - mx) ** 2;
    }
    const r = cupedAdjust(y, x);
    expect(r.theta).toBeCloseTo(sxy / sxx, 9);
    expect(r.varianceReduction).toBeCloseTo(pearson(y, x) ** 2, 9);
    // With ρ = 0.8·200 / √(160² + 100²) ≈ 0.848 the reduction is about 0.72.
    expect(r.varianceReduction).toBeGreaterThan(0.6);
    expect(mean(r.adjusted)).toBeCloseTo(mean(y), 9);
  });

  it('the adjusted difference in means is unbiased and tighter than the raw one', () => {
    const effect = 10;
    const rng = new Rng(2013, 2);
    const raw: number[] = [];
    const adjusted: number[] = [];
    let covered = 0;
    const replications = 300;
    for (let rep = 0; rep < replications; rep++) {
      const { x, y, treated } = simulate(rng, 200, effect);
      const a = cupedAdjust(y, x).adjusted;
      const raws = arms(y, treated);
      const adj = arms(a, treated);
      raw.push(welchDifference(raws.treatment, raws.control).estimate);
      const estimate = welchDifference(adj.treatment, adj.control);
      adjusted.push(estimate.estimate);
      if (estimate.ciLow <= effect && effect <= estimate.ciHigh) covered++;
    }
    // Monte Carlo standard error of the mean of the adjusted estimates: sd / √replications.
    const monteCarloSe = Math.sqrt(variance(adjusted) / replications);
    expect(Math.abs(mean(adjusted) - effect)).toBeLessThan(3 * monteCarloSe);
    expect(variance(adjusted)).toBeLessThan(0.5 * variance(raw));
    expect(covered / replications).toBeGreaterThan(0.9);
  });

  it('a constant covariate leaves y unchanged; mismatched or tiny inputs are refused', () => {
    const r = cupedAdjust([1, 2, 3], [5, 5, 5]);
    expect(r.theta).toBe(0);
    expect(r.varianceReduction).toBe(0);
    expect([...r.adjusted]).toEqual([1, 2, 3]);
    expect(() => cupedAdjust([1, 2], [1])).toThrow(RangeError);
    expect(() => cupedAdjust([1], [1])).toThrow(RangeError);
  });
});
