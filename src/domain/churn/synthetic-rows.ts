import { Rng } from '../generation/prng.js';
import { featureMatrix, type LabelledRows } from './feature-matrix.js';

/**
 * For tests: `n` rows of `features` uniform [0, 1) features (seeded), each labelled 1 with probability
 * `probability(row)`, or exactly `probability(row) ≥ 0.5` when `deterministic`.
 */
export function syntheticRows(
  n: number,
  features: number,
  seed: number,
  probability: (x: readonly number[]) => number,
  deterministic = false,
): LabelledRows {
  const rng = new Rng(seed);
  const rows = Array.from({ length: n }, () => Array.from({ length: features }, () => rng.next()));
  const y = rows.map((x) => {
    const p = probability(x);
    return (deterministic ? p >= 0.5 : rng.chance(p)) ? 1 : 0;
  });
  return {
    x: featureMatrix(
      Array.from({ length: features }, (_, i) => `x${i}`),
      rows,
    ),
    y,
  };
}
