import { bfgs } from './bfgs.js';
import { nelderMead } from './nelder-mead.js';
import type { DifferentiableObjective, MinimiseResult } from './types.js';

export interface MinimiseOptions {
  /** Budget of BFGS iterations over both BFGS runs (the Nelder–Mead rescue has its own, 200 per dimension). */
  readonly maxIterations?: number;
  /** Converged when ‖∇f‖∞ ≤ this. */
  readonly gradientTolerance?: number;
  /** Largest first step of a line search in any coordinate. */
  readonly maxStep?: number;
}

export interface MinimiseReport extends MinimiseResult {
  /** `bfgs+nelder-mead` when BFGS stalled and the simplex search was needed to get it going again. */
  readonly method: 'bfgs' | 'bfgs+nelder-mead';
}

/**
 * Why our own optimiser: the JavaScript ones are abandoned (fmin 0.0.4) or part of large numeric frameworks, and our
 * problems are small (3–4 parameters), smooth and cheap to differentiate, for which BFGS with a strong-Wolfe line
 * search converges in a few dozen iterations to a tight gradient tolerance.
 *
 * BFGS first; when its line search stalls with the gradient still above tolerance (a kink, a flat or noisy region),
 * Nelder–Mead restarts from the best point and BFGS then polishes the simplex's result. Converged means the final
 * gradient is within tolerance.
 */
export function minimise(
  f: DifferentiableObjective,
  x0: ArrayLike<number>,
  options: MinimiseOptions = {},
): MinimiseReport {
  const maxIterations = options.maxIterations ?? 500;
  const first = bfgs(f, x0, options);
  if (first.reason !== 'line-search') return { ...first, method: 'bfgs' };
  const simplex = nelderMead((x) => f(x, null), first.x, { initialStep: 0.05 });
  const start = simplex.value < first.value ? simplex.x : first.x;
  const polish = bfgs(f, start, { ...options, maxIterations: Math.max(1, maxIterations - first.iterations) });
  return {
    ...polish,
    iterations: first.iterations + simplex.iterations + polish.iterations,
    evaluations: first.evaluations + simplex.evaluations + polish.evaluations,
    method: 'bfgs+nelder-mead',
  };
}
