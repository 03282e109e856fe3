import { MISSING_BIN } from './binning.js';
import {
  bestSplit,
  buildHistogram,
  subtractHistogram,
  type BinnedData,
  type NodeStats,
  type Split,
  type SplitRules,
} from './histogram.js';

export interface TreeRules extends SplitRules {
  readonly maxLeaves: number;
  /** The root is at depth 0; a node at maxDepth is not split. */
  readonly maxDepth: number;
}

/**
 * A tree over bins as parallel arrays; node 0 is the root, children come after their parent. `feature` is −1 at
 * a leaf; `value` is the leaf's Newton step −G/(H+λ), before the learning rate.
 */
export interface BinnedTree {
  readonly feature: number[];
  readonly bin: number[];
  readonly missingLeft: boolean[];
  readonly left: number[];
  readonly right: number[];
  readonly value: number[];
  /** Gain of each split node (0 at leaves), for importances. */
  readonly gain: number[];
}

interface Leaf {
  readonly node: number;
  readonly rows: Uint32Array;
  readonly depth: number;
  readonly hist: Float64Array;
  readonly split: Split | null;
}

/**
 * Grows one tree best-first (leaf-wise, as LightGBM): the leaf whose best split gains most is split next, until
 * maxLeaves leaves or no allowed split. Each split builds the histogram of the smaller child and subtracts it
 * from the parent's for the other.
 */
export function growTree(
  data: BinnedData,
  grad: Float64Array,
  hess: Float64Array,
  rows: Uint32Array,
  rules: TreeRules,
): BinnedTree {
  const tree: BinnedTree = {
    feature: [],
    bin: [],
    missingLeft: [],
    left: [],
    right: [],
    value: [],
    gain: [],
  };
  const addNode = (s: NodeStats) => {
    tree.feature.push(-1);
    tree.bin.push(0);
    tree.missingLeft.push(false);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(-s.g / (s.h + rules.l2));
    tree.gain.push(0);
    return tree.feature.length - 1;
  };
  const leaf = (node: number, rows: Uint32Array, depth: number, hist: Float64Array, s: NodeStats): Leaf => ({
    node,
    rows,
    depth,
    hist,
    split: depth < rules.maxDepth ? bestSplit(hist, data.binCounts, s, rules) : null,
  });
  const rootHist = buildHistogram(data, rows, grad, hess);
  const total = statsOf(rows, grad, hess);
  const leaves: Leaf[] = [leaf(addNode(total), rows, 0, rootHist, total)];
  while (leaves.length < rules.maxLeaves) {
    let pick = -1;
    leaves.forEach((l, i) => {
      if (l.split && (pick < 0 || l.split.gain > (leaves[pick]!.split as Split).gain)) pick = i;
    });
    if (pick < 0) break;
    const parent = leaves[pick] as Leaf;
    const s = parent.split as Split;
    const [leftRows, rightRows] = partition(data, parent.rows, s);
    const n = parent.node;
    tree.feature[n] = s.feature;
    tree.bin[n] = s.bin;
    tree.missingLeft[n] = s.missingLeft;
    tree.gain[n] = s.gain;
    tree.left[n] = addNode(s.left);
    tree.right[n] = addNode(s.right);
    const leftSmaller = leftRows.length <= rightRows.length;
    const small = buildHistogram(data, leftSmaller ? leftRows : rightRows, grad, hess);
    const large = subtractHistogram(parent.hist, small);
    const depth = parent.depth + 1;
    leaves.splice(
      pick,
      1,
      leaf(tree.left[n], leftRows, depth, leftSmaller ? small : large, s.left),
      leaf(tree.right[n], rightRows, depth, leftSmaller ? large : small, s.right),
    );
  }
  return tree;
}

function statsOf(rows: Uint32Array, grad: Float64Array, hess: Float64Array): NodeStats {
  let g = 0;
  let h = 0;
  for (const r of rows) {
    g += grad[r] as number;
    h += hess[r] as number;
  }
  return { g, h, n: rows.length };
}

function partition(data: BinnedData, rows: Uint32Array, s: Split): [Uint32Array, Uint32Array] {
  const left = new Uint32Array(s.left.n);
  const right = new Uint32Array(s.right.n);
  let l = 0;
  let r = 0;
  const column = s.feature * data.rows;
  for (const row of rows) {
    const b = data.bins[column + row] as number;
    if (b === MISSING_BIN ? s.missingLeft : b <= s.bin) left[l++] = row;
    else right[r++] = row;
  }
  return [left, right];
}

/** The leaf value a tree gives row `row` of binned data. */
export function binnedLeafValue(tree: BinnedTree, data: BinnedData, row: number): number {
  let i = 0;
  while ((tree.feature[i] as number) >= 0) {
    const b = data.bins[(tree.feature[i] as number) * data.rows + row] as number;
    const goLeft = b === MISSING_BIN ? tree.missingLeft[i] : b <= (tree.bin[i] as number);
    i = (goLeft ? tree.left[i] : tree.right[i]) as number;
  }
  return tree.value[i] as number;
}
