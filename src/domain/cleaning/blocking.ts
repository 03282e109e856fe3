import type { CustomerProfile } from './customer-profile.js';
import { gridCell } from './geo.js';

export const BLOCKING = {
  /** Grid cell for coordinate blocking; neighbours of a cell are compared too, so pairs up to ~95 m always meet. */
  cellDegrees: 0.001,
  /** Blocks larger than this (a head-office phone shared by hundreds of branches) are compared only by the other keys. */
  maxBlockSize: 400,
} as const;

export interface BlockingStats {
  /** Distinct candidate pairs. */
  readonly pairs: number;
  /** Pairs each key proposed (a pair proposed by two keys counts for both). */
  readonly byKey: { readonly phone: number; readonly name: number; readonly grid: number };
  readonly oversizedBlocks: number;
}

/** Candidate pairs as two parallel arrays of indices into the profiles, first < second, each pair once. */
export interface CandidatePairs {
  readonly first: Uint32Array;
  readonly second: Uint32Array;
  readonly stats: BlockingStats;
}

/** A growable list of pair keys (first × n + second), deduplicated by sorting: millions of pairs stay compact. */
class PairKeys {
  private keys = new Float64Array(1024);
  private size = 0;
  add(key: number): void {
    if (this.size === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.size++] = key;
  }
  distinct(): Float64Array {
    const sorted = this.keys.subarray(0, this.size).sort();
    let w = 0;
    for (let r = 0; r < sorted.length; r++)
      if (r === 0 || sorted[r] !== sorted[r - 1]) sorted[w++] = sorted[r] ?? 0;
    return sorted.subarray(0, w);
  }
}

function group(profiles: readonly CustomerProfile[], keyOf: (p: CustomerProfile) => string | null) {
  const blocks = new Map<string, number[]>();
  profiles.forEach((p, i) => {
    const key = keyOf(p);
    if (key === null) return;
    const members = blocks.get(key);
    if (members) members.push(i);
    else blocks.set(key, [i]);
  });
  return blocks;
}

/**
 * Candidate pairs from three blocking keys: the same phone; the same brand within a city district;
 * coordinates in the same or a neighbouring grid cell. Only candidates are scored.
 */
export function candidatePairs(profiles: readonly CustomerProfile[]): CandidatePairs {
  const n = profiles.length;
  const keys = new PairKeys();
  let oversizedBlocks = 0;
  const pair = (i: number, j: number) => keys.add(i < j ? i * n + j : j * n + i);
  const fromBlocks = (blocks: Map<string, number[]>): number => {
    let proposed = 0;
    for (const members of blocks.values()) {
      if (members.length > BLOCKING.maxBlockSize) {
        oversizedBlocks++;
        continue;
      }
      for (let x = 0; x < members.length; x++)
        for (let y = x + 1; y < members.length; y++) {
          pair(members[x] ?? 0, members[y] ?? 0);
          proposed++;
        }
    }
    return proposed;
  };

  const phone = fromBlocks(group(profiles, (p) => p.phone));
  const name = fromBlocks(
    group(profiles, (p) => (p.brandKey === '' ? null : `${p.city}|${p.district}|${p.brandKey}`)),
  );
  const cells = group(profiles, (p) => {
    const { lat, lon } = p.record;
    if (lat === null || lon === null) return null;
    const c = gridCell({ lat, lon }, BLOCKING.cellDegrees);
    return `${c.row}|${c.col}`;
  });
  let grid = 0;
  for (const [key, members] of cells) {
    const [row, col] = key.split('|').map(Number) as [number, number];
    for (let dr = -1; dr <= 1; dr++)
      for (let dc = -1; dc <= 1; dc++) {
        const other = cells.get(`${row + dr}|${col + dc}`);
        if (!other) continue;
        for (const i of members)
          for (const j of other)
            if (i < j) {
              pair(i, j);
              grid++;
            }
      }
  }

  const distinct = keys.distinct();
  const first = new Uint32Array(distinct.length);
  const second = new Uint32Array(distinct.length);
  distinct.forEach((key, k) => {
    first[k] = Math.floor(key / n);
    second[k] = key - first[k] * n;
  });
  return { first, second, stats: { pairs: distinct.length, byKey: { phone, name, grid }, oversizedBlocks } };
}
