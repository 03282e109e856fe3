/** f(x), writing ∇f(x) into `gradient` when one is passed. */
export type DifferentiableObjective = (x: Float64Array, gradient: Float64Array | null) => number;

export type Objective = (x: Float64Array) => number;

/**
 * Why a minimiser stopped: `gradient` (‖∇f‖∞ within tolerance) and `simplex` (Nelder–Mead's simplex collapsed in x and
 * f) are convergence; `max-iterations`, `line-search` (no step along the search direction decreases f, e.g. at the
 * precision floor or a kink) and `non-finite` (f or ∇f is NaN/±∞ at the start) are not.
 */
export type StopReason = 'gradient' | 'simplex' | 'max-iterations' | 'line-search' | 'non-finite';

export interface MinimiseResult {
  readonly x: Float64Array;
  readonly value: number;
  /** Max-norm of the gradient at x; NaN when the method does not compute gradients. */
  readonly gradientNorm: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  readonly reason: StopReason;
}

export function maxNorm(v: Float64Array): number {
  let m = 0;
  for (const e of v) m = Math.max(m, Math.abs(e)); // NaN propagates
  return m;
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

export function allFinite(v: Float64Array): boolean {
  for (const e of v) if (!Number.isFinite(e)) return false;
  return true;
}
