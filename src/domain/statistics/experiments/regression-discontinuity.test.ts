import { describe, expect, it } from 'vitest';
import { Rng } from '../../generation/prng.js';
import { mean, variance } from './moments.js';
import { regressionDiscontinuity, ruleOfThumbBandwidth } from './regression-discontinuity.js';

/** Running uniform on [−1, 1); outcome 1 + 0.8·r + 0.5·r² + jump·[r ≥ 0] + N(0, noise²). */
function sharpDesign(rng: Rng, n: number, jump: number, noise: number) {
  const running = new Float64Array(n);
  const outcome = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = rng.range(-1, 1);
    running[i] = r;
    outcome[i] = 1 + 0.8 * r + 0.5 * r * r + (r >= 0 ? jump : 0) + noise * rng.normal();
  }
  return { running, outcome };
}

const grid = (from: number, to: number, count: number) =>
  Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));

describe('sharp regression discontinuity', () => {
  it('recovers an exact jump between two lines with zero standard error', () => {
    const running = grid(-1, 1, 201);
    const outcome = running.map((r) => 1 + 2 * r + (r >= 0 ? 3 : 0));
    const r = regressionDiscontinuity({ running, outcome, bandwidth: 0.5 });
    expect(r.estimate).toBeCloseTo(3, 10);
    expect(r.standardError).toBeLessThan(1e-10);
    // |r| < 0.5: 49 points left of 0, 0 … 0.49 on the right.
    expect(r.n).toEqual({ left: 49, right: 50 });
  });

  it('finds no jump in a line, and shifts with the cutoff', () => {
    const running = grid(90, 110, 401);
    const line = regressionDiscontinuity({ running, outcome: running.map((r) => 7 - 0.3 * r), cutoff: 100 });
    expect(Math.abs(line.estimate)).toBeLessThan(1e-9);
    const { running: noisyRunning, outcome } = sharpDesign(new Rng(2008, 1), 2000, 0, 0.5);
    const noisy = regressionDiscontinuity({ running: noisyRunning, outcome });
    expect(noisy.ciLow).toBeLessThan(0);
    expect(noisy.ciHigh).toBeGreaterThan(0);
  });

  it('recovers a simulated jump within its interval, with the rule-of-thumb bandwidth 1.84·σ·n^(−1/5)', () => {
    const { running, outcome } = sharpDesign(new Rng(2008, 2), 2000, 0.7, 0.5);
    const r = regressionDiscontinuity({ running, outcome });
    expect(r.bandwidth).toBeCloseTo(1.84 * Math.sqrt(variance(running)) * 2000 ** -0.2, 12);
    // σ of U(−1, 1) is 1/√3: h ≈ 1.84 · 0.577 · 0.219 ≈ 0.23.
    expect(r.bandwidth).toBeGreaterThan(0.2);
    expect(r.bandwidth).toBeLessThan(0.26);
    expect(r.ciLow).toBeLessThan(0.7);
    expect(r.ciHigh).toBeGreaterThan(0.7);
    expect(r.pValue).toBeLessThan(0.001);
    expect(r.n.left + r.n.right).toBeGreaterThan(350);
    expect(r.density.pValue).toBeGreaterThan(0.001);
  });

  it('its HC1 standard error matches the spread of the estimates across simulations', () => {
    const rng = new Rng(2008, 3);
    const estimates: number[] = [];
    const errors: number[] = [];
    let covered = 0;
    const replications = 200;
    for (let rep = 0; rep < replications; rep++) {
      const { running, outcome } = sharpDesign(rng, 1000, 0.7, 0.5);
      const r = regressionDiscontinuity({ running, outcome, bandwidth: 0.3 });
      estimates.push(r.estimate);
      errors.push(r.standardError);
      if (r.ciLow <= 0.7 && 0.7 <= r.ciHigh) covered++;
    }
    expect(mean(errors) / Math.sqrt(variance(estimates))).toBeGreaterThan(0.85);
    expect(mean(errors) / Math.sqrt(variance(estimates))).toBeLessThan(1.15);
    expect(covered / replications).toBeGreaterThan(0.9);
  });

  it('the density check flags units heaped just above the cutoff', () => {
    const rng = new Rng(2008, 4);
    const { running, outcome } = sharpDesign(rng, 2000, 0.7, 0.5);
    // 150 customers who pushed themselves just over the threshold.
    const heapedRunning = [...running, ...Array.from({ length: 150 }, () => rng.range(0, 0.05))];
    const heapedOutcome = [...outcome, ...Array.from({ length: 150 }, () => 1.7 + 0.5 * rng.normal())];
    const r = regressionDiscontinuity({ running: heapedRunning, outcome: heapedOutcome, bandwidth: 0.3 });
    expect(r.density.right).toBeGreaterThan(r.density.left + 100);
    expect(r.density.pValue).toBeLessThan(0.001);
  });

  it('the density counts are the half-bandwidth windows, tested exactly: 2 vs 8 → 112/1024', () => {
    const running = [...grid(-0.95, -0.55, 12), -0.3, -0.1, ...grid(0, 0.35, 8), ...grid(0.55, 0.95, 6)];
    const outcome = running.map((r) => Math.sin(5 * r));
    const r = regressionDiscontinuity({ running, outcome, bandwidth: 1 });
    expect(r.n).toEqual({ left: 14, right: 14 });
    expect(r.density).toEqual({ left: 2, right: 8, pValue: expect.closeTo(112 / 1024, 14) });
  });

  it('refuses a side with fewer than 10 points in the bandwidth, and inconsistent input', () => {
    const running = grid(-1, 1, 41);
    const outcome = running.map((r) => r);
    expect(() => regressionDiscontinuity({ running, outcome, bandwidth: 0.18 })).toThrow(
      /at least 10 points .* the left side has 3/,
    );
    expect(() => regressionDiscontinuity({ running, outcome, cutoff: 0.8 })).toThrow(/the right side has/);
    expect(() => regressionDiscontinuity({ running, outcome, bandwidth: 0 })).toThrow(RangeError);
    expect(() => regressionDiscontinuity({ running, outcome: [1, 2] })).toThrow(RangeError);
    const twoValues = running.map((r) => (r < 0 ? -0.5 : 0.5));
    expect(() => regressionDiscontinuity({ running: twoValues, outcome, bandwidth: 1 })).toThrow(/distinct/);
    expect(ruleOfThumbBandwidth(running)).toBeGreaterThan(0);
  });
});
