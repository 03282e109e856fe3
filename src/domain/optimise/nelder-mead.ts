import type { MinimiseResult, Objective } from './types.js';

export interface NelderMeadOptions {
  readonly maxIterations?: number;
  /** Converged when every vertex is within this of the best one in every coordinate… */
  readonly xTolerance?: number;
  /** …and every vertex's value within this of the best value. */
  readonly fTolerance?: number;
  /** Edge of the starting simplex along each axis. */
  readonly initialStep?: number;
}

/**
 * Derivative-free Nelder–Mead simplex minimisation with the standard coefficients (reflection 1, expansion 2,
 * contraction ½, shrink ½) and scipy's stopping rule. Slower than BFGS but indifferent to noisy or missing gradients,
 * so it is the fallback when a line search stalls. Non-finite values count as +∞, so the simplex retreats from them.
 */
export function nelderMead(
  f: Objective,
  x0: ArrayLike<number>,
  options: NelderMeadOptions = {},
): MinimiseResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 200 * n;
  const xTolerance = options.xTolerance ?? 1e-10;
  const fTolerance = options.fTolerance ?? 1e-12;
  const step = options.initialStep ?? 0.1;
  let evaluations = 0;
  const value = (x: Float64Array) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const simplex: Float64Array[] = [];
  for (let k = 0; k <= n; k++) {
    const v = Float64Array.from(x0);
    if (k > 0) v[k - 1] = (v[k - 1] as number) + step;
    simplex.push(v);
  }
  const values = simplex.map(value);
  const order = () => {
    const idx = simplex.map((_, i) => i).sort((i, j) => (values[i] as number) - (values[j] as number));
    const s = idx.map((i) => simplex[i] as Float64Array);
    const v = idx.map((i) => values[i] as number);
    simplex.splice(0, simplex.length, ...s);
    values.splice(0, values.length, ...v);
  };
  const vertex = (i: number) => simplex[i] as Float64Array;
  const point = (centroid: Float64Array, worst: Float64Array, t: number) =>
    centroid.map((c, i) => c + t * (c - (worst[i] as number)));

  const result = (iterations: number, converged: boolean): MinimiseResult => ({
    x: vertex(0),
    value: values[0] as number,
    gradientNorm: NaN,
    iterations,
    evaluations,
    converged,
    reason: converged ? 'simplex' : Number.isFinite(values[0]) ? 'max-iterations' : 'non-finite',
  });

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    order();
    if (collapsed(simplex, values, xTolerance, fTolerance)) return result(iteration, true);
    const best = values[0] as number;
    const worst = values[n] as number;
    const secondWorst = values[n - 1] as number;
    const centroid = new Float64Array(n);
    for (let k = 0; k < n; k++) vertex(k).forEach((e, i) => (centroid[i] = (centroid[i] as number) + e / n));

    const reflected = point(centroid, vertex(n), 1);
    const fr = value(reflected);
    if (fr < best) {
      const expanded = point(centroid, vertex(n), 2);
      const fe = value(expanded);
      replaceWorst(fe < fr ? expanded : reflected, Math.min(fe, fr));
    } else if (fr < secondWorst) replaceWorst(reflected, fr);
    else {
      const outside = fr < worst;
      const contracted = point(centroid, vertex(n), outside ? 0.5 : -0.5);
      const fc = value(contracted);
      if (fc < (outside ? fr : worst)) replaceWorst(contracted, fc);
      else {
        const b = vertex(0);
        for (let k = 1; k <= n; k++) {
          const v = vertex(k).map((e, i) => (b[i] as number) + 0.5 * (e - (b[i] as number)));
          simplex[k] = v;
          values[k] = value(v);
        }
      }
    }
  }
  order();
  return result(maxIterations, collapsed(simplex, values, xTolerance, fTolerance));

  function replaceWorst(v: Float64Array, fv: number): void {
    simplex[n] = v;
    values[n] = fv;
  }
}

function collapsed(
  simplex: Float64Array[],
  values: number[],
  xTolerance: number,
  fTolerance: number,
): boolean {
  const best = simplex[0] as Float64Array;
  const f0 = values[0] as number;
  for (let k = 1; k < simplex.length; k++) {
    if (!(Math.abs((values[k] as number) - f0) <= fTolerance)) return false;
    const v = simplex[k] as Float64Array;
    for (let i = 0; i < v.length; i++)
      if (!(Math.abs((v[i] as number) - (best[i] as number)) <= xTolerance)) return false;
  }
  return true;
}
