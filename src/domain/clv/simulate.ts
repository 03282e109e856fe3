import type { Rng } from '../generation/prng.js';
import { paramVector, type Params } from './models.js';
import { betaVariate, gammaVariate } from './variates.js';

export interface SimulatedCustomers {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  /** Repeat purchases in (T, T + holdout]. */
  readonly holdout: Float64Array;
  /** Each customer's true purchase rate λ and dropout probability p. */
  readonly lambda: Float64Array;
  readonly p: Float64Array;
}

/**
 * n customers from the BG/NBD process, each with a first purchase at 0 and observed until T (one value, or one per
 * customer), then for `holdout` more: λ ~ Gamma(r, α), p ~ Beta(a, b); exponential gaps at rate λ, and after each
 * repeat purchase a dropout with probability p. For parameter-recovery tests and the benchmark.
 */
export function simulateBgnbd(
  params: Params,
  n: number,
  T: number | ArrayLike<number>,
  rng: Rng,
  holdout = 0,
): SimulatedCustomers {
  const [r, alpha, a, b] = paramVector('bgnbd', params) as unknown as [number, number, number, number];
  const out = {
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    holdout: new Float64Array(n),
    lambda: new Float64Array(n),
    p: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const age = typeof T === 'number' ? T : (T[i] as number);
    const lambda = gammaVariate(rng, r, alpha);
    const p = betaVariate(rng, a, b);
    let t = 0;
    let x = 0;
    let tx = 0;
    let later = 0;
    for (;;) {
      t -= Math.log(1 - rng.next()) / lambda;
      if (t > age + holdout) break;
      if (t > age) later++;
      else {
        x++;
        tx = t;
      }
      if (rng.next() < p) break;
    }
    out.x[i] = x;
    out.tx[i] = tx;
    out.T[i] = age;
    out.holdout[i] = later;
    out.lambda[i] = lambda;
    out.p[i] = p;
  }
  return out;
}
