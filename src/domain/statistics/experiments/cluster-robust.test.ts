import { describe, expect, it } from 'vitest';
import { Rng } from '../../generation/prng.js';
import { clusterRobustDifference } from './cluster-robust.js';
import { mean } from './moments.js';

/** Rows of `clustersPerArm` clusters of `size` rows each: a cluster effect u_g ~ N(0, σ_u²) plus noise ~ N(0, 1). */
function clustered(rng: Rng, clustersPerArm: [number, number], size: number, clusterSd: number) {
  const y: number[] = [];
  const treated: number[] = [];
  const cluster: number[] = [];
  let id = 0;
  for (const arm of [0, 1] as const)
    for (let g = 0; g < clustersPerArm[arm]; g++, id++) {
      const u = clusterSd * rng.normal();
      for (let r = 0; r < size; r++) {
        y.push(10 + u + rng.normal());
        treated.push(arm);
        cluster.push(100 + 7 * id);
      }
    }
  return { y, treated, cluster };
}

const smallSampleFactor = (g: number, n: number, k: number) => (g / (g - 1)) * ((n - 1) / (n - k));
const armValues = (values: readonly number[], treated: readonly number[], arm: number) =>
  values.filter((_, i) => treated[i] === arm);

describe('cluster-robust difference (OLS with CR1 standard errors)', () => {
  it('with one row per cluster CR1 is HC1: √(N/(N−2)·(Σe²_T/n_T² + Σe²_C/n_C²))', () => {
    const rng = new Rng(1986, 1);
    const y = Array.from({ length: 27 }, () => 5 + 3 * rng.normal());
    const treated = y.map((_, i) => (i < 15 ? 1 : 0));
    const r = clusterRobustDifference({ y, treated, cluster: y.map((_, i) => i) });
    const yT = armValues(y, treated, 1);
    const yC = armValues(y, treated, 0);
    const squaredResiduals = (v: number[]) => v.reduce((s, x) => s + (x - mean(v)) ** 2, 0);
    const hc1 = Math.sqrt((27 / 25) * (squaredResiduals(yT) / 15 ** 2 + squaredResiduals(yC) / 12 ** 2));
    expect(r.estimate).toBeCloseTo(mean(yT) - mean(yC), 12);
    expect(r.standardError).toBeCloseTo(hc1, 12);
    expect(r.df).toBe(26);
    expect(r.n).toEqual({ control: 12, treatment: 15 });
    expect(r.clusters).toEqual({ control: 12, treatment: 15 });
    expect(r.means.treatment).toBeCloseTo(mean(yT), 12);
    expect(r.means.control).toBeCloseTo(mean(yC), 12);
  });

  it('with equal clusters and no covariate CR0 is the standard error of a difference of cluster means', () => {
    const data = clustered(new Rng(1986, 2), [5, 6], 4, 1);
    const r = clusterRobustDifference(data);
    const clusterMeans = (arm: number) => {
      const ids = [...new Set(armValues(data.cluster, data.treated, arm))];
      return ids.map((id) => mean(data.y.filter((_, i) => data.cluster[i] === id)));
    };
    const part = (means: number[]) =>
      means.reduce((s, m) => s + (m - mean(means)) ** 2, 0) / means.length ** 2;
    const byHand = Math.sqrt(part(clusterMeans(1)) + part(clusterMeans(0)));
    const cr0 = r.standardError / Math.sqrt(smallSampleFactor(11, 44, 2));
    expect(cr0).toBeCloseTo(byHand, 12);
    expect(r.df).toBe(10);
    expect(r.clusters).toEqual({ control: 5, treatment: 6 });
  });

  it('duplicating rows inside clusters shrinks the naive standard error but not the cluster-robust one', () => {
    const data = clustered(new Rng(1986, 3), [8, 8], 5, 1);
    const times3 = <T>(values: readonly T[]) => values.flatMap((v) => [v, v, v]);
    const duplicated = { y: times3(data.y), treated: times3(data.treated), cluster: times3(data.cluster) };
    const naive = (d: typeof data) => clusterRobustDifference({ ...d, cluster: d.y.map((_, i) => i) });
    expect(naive(duplicated).standardError).toBeLessThan(0.6 * naive(data).standardError);
    const original = clusterRobustDifference(data);
    const copied = clusterRobustDifference(duplicated);
    expect(copied.estimate).toBeCloseTo(original.estimate, 12);
    // CR0 is exactly invariant; CR1 moves only through (N−1)/(N−K).
    expect(copied.standardError / Math.sqrt(smallSampleFactor(16, 240, 2))).toBeCloseTo(
      original.standardError / Math.sqrt(smallSampleFactor(16, 80, 2)),
      12,
    );
  });

  it('covers the truth when the errors are clustered, where the row-level interval does not', () => {
    const rng = new Rng(1986, 4);
    let clusterCovered = 0;
    let naiveCovered = 0;
    const replications = 200;
    for (let rep = 0; rep < replications; rep++) {
      // No effect; intra-cluster correlation 0.5 with 10 rows per cluster: a design effect of 5.5.
      const data = clustered(rng, [20, 20], 10, 1);
      const r = clusterRobustDifference(data);
      const naive = clusterRobustDifference({ ...data, cluster: data.y.map((_, i) => i) });
      if (r.ciLow <= 0 && 0 <= r.ciHigh) clusterCovered++;
      if (naive.ciLow <= 0 && 0 <= naive.ciHigh) naiveCovered++;
    }
    expect(clusterCovered / replications).toBeGreaterThan(0.9);
    expect(naiveCovered / replications).toBeLessThan(0.8);
  });

  it('with a covariate the estimate is the ANCOVA coefficient: Δȳ − θ_within·Δx̄ (Frisch–Waugh)', () => {
    const rng = new Rng(1986, 5);
    const data = clustered(rng, [6, 6], 5, 0.5);
    const covariate = data.y.map((v) => 2 * v + 3 * rng.normal());
    const r = clusterRobustDifference({ ...data, covariate });
    let sxy = 0;
    let sxx = 0;
    for (const arm of [0, 1]) {
      const x = armValues(covariate, data.treated, arm);
      const y = armValues(data.y, data.treated, arm);
      x.forEach((xi, i) => {
        sxy += (xi - mean(x)) * ((y[i] as number) - mean(y));
        sxx += (xi - mean(x)) ** 2;
      });
    }
    const arm = (values: number[], a: number) => mean(armValues(values, data.treated, a));
    const ancova = arm(data.y, 1) - arm(data.y, 0) - (sxy / sxx) * (arm(covariate, 1) - arm(covariate, 0));
    expect(r.estimate).toBeCloseTo(ancova, 10);
    // The raw arm means are reported, not the adjusted ones.
    expect(r.means.treatment).toBeCloseTo(arm(data.y, 1), 12);
    // The covariate explains most of y, so the interval is narrower than without it.
    expect(r.standardError).toBeLessThan(clusterRobustDifference(data).standardError);
    // A constant covariate is left out.
    const constant = clusterRobustDifference({ ...data, covariate: data.y.map(() => 4) });
    expect(constant.standardError).toBeCloseTo(clusterRobustDifference(data).standardError, 12);
  });

  it('counts a cluster spanning both arms in each, and refuses what it cannot estimate', () => {
    const r = clusterRobustDifference({
      y: [1, 2, 3, 4, 5, 6, 7, 8],
      treated: [0, 1, 0, 1, 0, 1, 0, 0],
      cluster: [1, 1, 2, 2, 3, 3, 4, 4],
    });
    expect(r.clusters).toEqual({ control: 4, treatment: 3 });
    expect(r.df).toBe(3);
    expect(() =>
      clusterRobustDifference({ y: [1, 2, 3, 4], treated: [0, 0, 1, 1], cluster: [1, 2, 3, 3] }),
    ).toThrow(/at least 2 clusters per arm/);
    expect(() => clusterRobustDifference({ y: [1, 2], treated: [0, 2], cluster: [1, 2] })).toThrow(
      RangeError,
    );
    expect(() => clusterRobustDifference({ y: [1, 2], treated: [0], cluster: [1, 2] })).toThrow(RangeError);
  });
});
