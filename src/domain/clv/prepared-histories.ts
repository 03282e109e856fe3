import type { Histories } from './histories.js';

/** Histories with their distinct x values indexed, so terms that depend on x alone (gammas) are computed once per x. */
export interface PreparedHistories extends Histories {
  readonly xValues: Float64Array;
  /** Row → index into xValues. */
  readonly xIndex: Uint32Array;
  /** Σ weight over the rows with each distinct x. */
  readonly xWeight: Float64Array;
  readonly totalWeight: number;
}

export function prepareHistories(h: Histories): PreparedHistories {
  const slot = new Map<number, number>();
  const xIndex = new Uint32Array(h.x.length);
  const weights: number[] = [];
  let totalWeight = 0;
  h.x.forEach((x, i) => {
    let j = slot.get(x);
    if (j === undefined) slot.set(x, (j = weights.push(0) - 1));
    const w = h.weight[i] as number;
    weights[j] = (weights[j] as number) + w;
    totalWeight += w;
    xIndex[i] = j;
  });
  return {
    ...h,
    xValues: Float64Array.from(slot.keys()),
    xIndex,
    xWeight: Float64Array.from(weights),
    totalWeight,
  };
}
