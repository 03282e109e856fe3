import type { Rng } from '../generation/prng.js';

/** Gamma(shape, rate) draw: Marsaglia & Tsang (2000), with the U^(1/shape) boost for shape < 1. */
export function gammaVariate(rng: Rng, shape: number, rate: number): number {
  if (shape < 1) return gammaVariate(rng, shape + 1, rate) * (1 - rng.next()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = rng.normal();
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    if (Math.log(1 - rng.next()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/** Beta(a, b) draw as X/(X+Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function betaVariate(rng: Rng, a: number, b: number): number {
  const x = gammaVariate(rng, a, 1);
  return x / (x + gammaVariate(rng, b, 1));
}
