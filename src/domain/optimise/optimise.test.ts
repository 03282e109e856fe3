import { describe, expect, it } from 'vitest';
import { bfgs } from './bfgs.js';
import { minimise } from './minimise.js';
import { nelderMead } from './nelder-mead.js';
import { centralDifferenceGradient } from './numeric-gradient.js';
import type { DifferentiableObjective } from './types.js';

/** Chained Rosenbrock Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)²: minimum 0 at (1, …, 1). */
const rosenbrock: DifferentiableObjective = (x, g) => {
  let f = 0;
  g?.fill(0);
  for (let i = 0; i + 1 < x.length; i++) {
    const a = x[i] as number;
    const b = x[i + 1] as number;
    f += 100 * (b - a * a) ** 2 + (1 - a) ** 2;
    if (g) {
      g[i] = (g[i] as number) - 400 * a * (b - a * a) - 2 * (1 - a);
      g[i + 1] = (g[i + 1] as number) + 200 * (b - a * a);
    }
  }
  return f;
};

/** Beale's function: minimum 0 at (3, ½). */
const beale: DifferentiableObjective = (x, g) => {
  const [a, b] = x as unknown as [number, number];
  const t = [1.5 - a + a * b, 2.25 - a + a * b * b, 2.625 - a + a * b ** 3];
  const [t1, t2, t3] = t as [number, number, number];
  if (g) {
    g[0] = 2 * t1 * (b - 1) + 2 * t2 * (b * b - 1) + 2 * t3 * (b ** 3 - 1);
    g[1] = 2 * t1 * a + 2 * t2 * 2 * a * b + 2 * t3 * 3 * a * b * b;
  }
  return t1 * t1 + t2 * t2 + t3 * t3;
};

/** ½ xᵀAx − bᵀx with A = [[4,1,0],[1,3,1],[0,1,2]], b = (1, 2, 3): minimum at A⁻¹b = (2/9, 1/9, 13/9). */
const quadratic: DifferentiableObjective = (x, g) => {
  const [x0, x1, x2] = x as unknown as [number, number, number];
  const ax = [4 * x0 + x1, x0 + 3 * x1 + x2, x1 + 2 * x2] as const;
  if (g) {
    g[0] = ax[0] - 1;
    g[1] = ax[1] - 2;
    g[2] = ax[2] - 3;
  }
  return 0.5 * (x0 * ax[0] + x1 * ax[1] + x2 * ax[2]) - (x0 + 2 * x1 + 3 * x2);
};

const valueOnly = (f: DifferentiableObjective) => (x: Float64Array) => f(x, null);

describe('bfgs', () => {
  it.each([
    ['Rosenbrock 2-D', rosenbrock, [-1.2, 1], [1, 1]],
    ['Rosenbrock 4-D', rosenbrock, [1.3, 0.7, 0.8, 1.9], [1, 1, 1, 1]],
    ['Beale', beale, [1, 1], [3, 0.5]],
    ['quadratic', quadratic, [0, 0, 0], [2 / 9, 1 / 9, 13 / 9]],
  ] as const)('finds the minimum of %s to a tight gradient tolerance', (_, f, x0, expected) => {
    const r = bfgs(f, x0, { gradientTolerance: 1e-10 });
    expect(r.converged).toBe(true);
    expect(r.reason).toBe('gradient');
    expect(r.gradientNorm).toBeLessThanOrEqual(1e-10);
    for (const [i, e] of expected.entries()) expect(r.x[i]).toBeCloseTo(e, 8);
    expect(r.iterations).toBeLessThan(100);
  });

  it('reports non-convergence when the iterations run out', () => {
    const r = bfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 });
    expect(r).toMatchObject({ converged: false, reason: 'max-iterations', iterations: 3 });
    expect(r.value).toBeLessThan(rosenbrock(Float64Array.from([-1.2, 1]), null));
  });

  it('reports a non-finite start', () => {
    const r = bfgs((x) => Math.log(x[0] as number), [-1]);
    expect(r).toMatchObject({ converged: false, reason: 'non-finite', iterations: 0 });
  });

  it('backs away from steps where the objective is not finite', () => {
    // (x − 2)², undefined beyond x = 2.5: a first step of 10 overshoots into NaN.
    const f: DifferentiableObjective = (x, g) => {
      const v = x[0] as number;
      if (g) g[0] = v > 2.5 ? NaN : 2 * (v - 2);
      return v > 2.5 ? NaN : (v - 2) ** 2;
    };
    const r = bfgs(f, [-8], { maxStep: 100 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(2, 10);
  });
});

describe('nelderMead', () => {
  it.each([
    ['Rosenbrock 2-D', rosenbrock, [-1.2, 1], [1, 1]],
    ['Beale', beale, [1, 1], [3, 0.5]],
    ['quadratic', quadratic, [0, 0, 0], [2 / 9, 1 / 9, 13 / 9]],
  ] as const)('finds the minimum of %s', (_, f, x0, expected) => {
    const r = nelderMead(valueOnly(f), x0, { maxIterations: 5000 });
    expect(r).toMatchObject({ converged: true, reason: 'simplex' });
    for (const [i, e] of expected.entries()) expect(r.x[i]).toBeCloseTo(e, 6);
  });

  it('reports non-convergence when the iterations run out', () => {
    const r = nelderMead(valueOnly(rosenbrock), [-1.2, 1], { maxIterations: 10 });
    expect(r).toMatchObject({ converged: false, reason: 'max-iterations', iterations: 10 });
  });
});

describe('minimise', () => {
  it('is plain BFGS when BFGS converges', () => {
    const r = minimise(rosenbrock, [-1.2, 1]);
    expect(r).toMatchObject({ converged: true, method: 'bfgs' });
  });

  it('rescues a stalled line search with Nelder–Mead, then polishes with BFGS', () => {
    // (x−1)² + (y−2)², but for x < 0 the "gradient" points the wrong way, so no step along −g decreases f.
    const f: DifferentiableObjective = (x, g) => {
      const [a, b] = x as unknown as [number, number];
      if (g) {
        const sign = a < 0 ? -1 : 1;
        g[0] = sign * 2 * (a - 1);
        g[1] = sign * 2 * (b - 2);
      }
      return (a - 1) ** 2 + (b - 2) ** 2;
    };
    expect(bfgs(f, [-3, 0]).reason).toBe('line-search');
    const r = minimise(f, [-3, 0]);
    expect(r).toMatchObject({ converged: true, method: 'bfgs+nelder-mead' });
    expect(r.x[0]).toBeCloseTo(1, 8);
    expect(r.x[1]).toBeCloseTo(2, 8);
  });
});

describe('centralDifferenceGradient', () => {
  it('matches analytic gradients to about 1e-8', () => {
    const x = Float64Array.from([0.3, -0.7, 1.1, 2]);
    const g = new Float64Array(4);
    rosenbrock(x, g);
    const numeric = centralDifferenceGradient(valueOnly(rosenbrock), x);
    for (let i = 0; i < 4; i++) expect(numeric[i]).toBeCloseTo(g[i] as number, 6);
  });
});
