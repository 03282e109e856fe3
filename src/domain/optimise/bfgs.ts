import { strongWolfeLineSearch } from './line-search.js';
import { allFinite, dot, maxNorm, type DifferentiableObjective, type MinimiseResult } from './types.js';

export interface BfgsOptions {
  readonly maxIterations?: number;
  /** Converged when ‖∇f‖∞ ≤ this. */
  readonly gradientTolerance?: number;
  /** Largest change of any coordinate tried on the first step of a line search (guards against wild first steps). */
  readonly maxStep?: number;
}

/**
 * Quasi-Newton minimisation (BFGS on the inverse Hessian, Nocedal & Wright algorithm 6.1) with a strong-Wolfe line
 * search. The first inverse-Hessian approximation is the identity, rescaled by yᵀs/yᵀy after the first step (N&W
 * 6.20); an update that would break positive definiteness (yᵀs ≤ 0) is skipped, and a non-descent direction or a
 * failed line search resets the approximation to the identity once before giving up.
 */
export function bfgs(
  f: DifferentiableObjective,
  x0: ArrayLike<number>,
  options: BfgsOptions = {},
): MinimiseResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.gradientTolerance ?? 1e-8;
  const maxStep = options.maxStep ?? 1;
  let x: Float64Array = Float64Array.from(x0);
  let g: Float64Array = new Float64Array(n);
  let value = f(x, g);
  let evaluations = 1;
  const result = (iterations: number, reason: MinimiseResult['reason']): MinimiseResult => {
    const gradientNorm = maxNorm(g);
    return { x, value, gradientNorm, iterations, evaluations, converged: reason === 'gradient', reason };
  };
  if (!Number.isFinite(value) || !allFinite(g)) return result(0, 'non-finite');

  const h = new Float64Array(n * n);
  let isIdentity = true;
  let scaled = false;
  const resetH = (scale: number) => {
    h.fill(0);
    for (let i = 0; i < n; i++) h[i * n + i] = scale;
    isIdentity = true;
    scaled = false;
  };
  resetH(1);
  const p = new Float64Array(n);
  const hy = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (maxNorm(g) <= tolerance) return result(iteration, 'gradient');
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= (h[i * n + j] as number) * (g[j] as number);
      p[i] = s;
    }
    if (!(dot(g, p) < 0)) {
      resetH(1);
      for (let i = 0; i < n; i++) p[i] = -(g[i] as number);
    }
    const search = strongWolfeLineSearch(f, x, value, g, p, Math.min(1, maxStep / maxNorm(p)));
    evaluations += search.evaluations;
    // The approximate Wolfe test accepts steps that raise f by up to 1e-10 relative; more than rounding noise
    // (a gradient inconsistent with f) means no progress.
    if (!search.ok || search.value > value + 1e-13 * (1 + Math.abs(value))) {
      if (isIdentity) return result(iteration, 'line-search');
      resetH(1);
      iteration--;
      continue;
    }
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = (search.x[i] as number) - (x[i] as number);
      y[i] = (search.gradient[i] as number) - (g[i] as number);
    }
    x = search.x;
    g = search.gradient;
    value = search.value;
    const sy = dot(s, y);
    const yy = dot(y, y);
    if (!(sy > 1e-12 * Math.sqrt(dot(s, s) * yy))) continue;
    if (!scaled) {
      resetH(sy / yy);
      scaled = true;
    }
    updateInverseHessian(h, s, y, sy, hy);
    isIdentity = false;
  }
  return result(maxIterations, maxNorm(g) <= tolerance ? 'gradient' : 'max-iterations');
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1/yᵀs, expanded to avoid n³ work. */
function updateInverseHessian(
  h: Float64Array,
  s: Float64Array,
  y: Float64Array,
  sy: number,
  hy: Float64Array,
): void {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let j = 0; j < n; j++) t += (h[i * n + j] as number) * (y[j] as number);
    hy[i] = t;
  }
  const yhy = dot(y, hy);
  const rho = 1 / sy;
  const k = (1 + rho * yhy) * rho;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const si = s[i] as number;
      const sj = s[j] as number;
      h[i * n + j] =
        (h[i * n + j] as number) + k * si * sj - rho * ((hy[i] as number) * sj + si * (hy[j] as number));
    }
}
