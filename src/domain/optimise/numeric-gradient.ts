import type { Objective } from './types.js';

/**
 * Central-difference gradient of f at x, with steps h_i = ε^⅓·max(1, |x_i|) that balance truncation (O(h²)) against
 * rounding (O(ε/h)) error. Meant for checking analytic gradients and for objectives that have none.
 */
export function centralDifferenceGradient(f: Objective, x: ArrayLike<number>): Float64Array {
  const xt = Float64Array.from(x);
  const g = new Float64Array(xt.length);
  for (let i = 0; i < xt.length; i++) {
    const xi = xt[i] as number;
    const h = Math.cbrt(Number.EPSILON) * Math.max(1, Math.abs(xi));
    xt[i] = xi + h;
    const up = f(xt);
    xt[i] = xi - h;
    const down = f(xt);
    xt[i] = xi;
    g[i] = (up - down) / (2 * h);
  }
  return g;
}
