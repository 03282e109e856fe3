import { MISSING_BIN } from './binning.js';

/** Bins per feature in a histogram: the value bins and the missing bin. */
const SLOTS = MISSING_BIN + 1;

/** Σ gradient, Σ hessian and rows of a set of rows. */
export interface NodeStats {
  readonly g: number;
  readonly h: number;
  readonly n: number;
}

/** A binned training matrix: `bins[feature * rows + row]`, and the value bins each feature has. */
export interface BinnedData {
  readonly bins: Uint8Array;
  readonly rows: number;
  readonly binCounts: readonly number[];
}

/** Per feature and bin, the NodeStats of `rows`: `hist[(feature * 256 + bin) * 3 + (0 g | 1 h | 2 n)]`. */
export function buildHistogram(
  data: BinnedData,
  rows: Uint32Array,
  grad: Float64Array,
  hess: Float64Array,
): Float64Array {
  const features = data.binCounts.length;
  const hist = new Float64Array(features * SLOTS * 3);
  for (let f = 0; f < features; f++) {
    const column = f * data.rows;
    const base = f * SLOTS * 3;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as number;
      const k = base + (data.bins[column + r] as number) * 3;
      hist[k]! += grad[r] as number;
      hist[k + 1]! += hess[r] as number;
      hist[k + 2]! += 1;
    }
  }
  return hist;
}

/** The histogram of a node's other child: the parent's minus the one built (the usual halving of the work). */
export function subtractHistogram(parent: Float64Array, child: Float64Array): Float64Array {
  const out = new Float64Array(parent.length);
  for (let i = 0; i < parent.length; i++) out[i] = (parent[i] as number) - (child[i] as number);
  return out;
}

export interface SplitRules {
  /** L2 penalty on leaf values (XGBoost's lambda). */
  readonly l2: number;
  readonly minSamplesLeaf: number;
  /** Minimum Σ hessian in a leaf (XGBoost's min_child_weight). */
  readonly minHessianLeaf: number;
  /** Splits gaining no more than this are not made. */
  readonly minSplitGain: number;
}

/** Rows with bin ≤ `bin` go left, missing values go left when `missingLeft`. */
export interface Split {
  readonly feature: number;
  readonly bin: number;
  readonly missingLeft: boolean;
  readonly gain: number;
  readonly left: NodeStats;
  readonly right: NodeStats;
}

const score = (g: number, h: number, l2: number) => (g * g) / (h + l2);

/**
 * The split of largest gain ½ [G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)] over every feature and bin, trying the
 * missing values on either side (the side learned becomes the default direction); null when none is allowed.
 * A feature without missing values in the node sends them, at prediction, to the side with more rows.
 */
export function bestSplit(
  hist: Float64Array,
  binCounts: readonly number[],
  total: NodeStats,
  rules: SplitRules,
): Split | null {
  const parent = score(total.g, total.h, rules.l2);
  let best: Split | null = null;
  const allowed = (h: number, n: number) =>
    n >= rules.minSamplesLeaf &&
    total.n - n >= rules.minSamplesLeaf &&
    h >= rules.minHessianLeaf &&
    total.h - h >= rules.minHessianLeaf;
  const consider = (feature: number, bin: number, missingLeft: boolean, g: number, h: number, n: number) => {
    if (!allowed(h, n)) return;
    const gain = (score(g, h, rules.l2) + score(total.g - g, total.h - h, rules.l2) - parent) / 2;
    if (gain > rules.minSplitGain && (best === null || gain > best.gain))
      best = {
        feature,
        bin,
        missingLeft,
        gain,
        left: { g, h, n },
        right: { g: total.g - g, h: total.h - h, n: total.n - n },
      };
  };
  binCounts.forEach((bins, f) => {
    const base = f * SLOTS * 3;
    const m = base + MISSING_BIN * 3;
    const [mg, mh, mn] = [hist[m] as number, hist[m + 1] as number, hist[m + 2] as number];
    let g = 0;
    let h = 0;
    let n = 0;
    for (let b = 0; b < bins; b++) {
      const k = base + b * 3;
      g += hist[k] as number;
      h += hist[k + 1] as number;
      n += hist[k + 2] as number;
      consider(f, b, false, g, h, n);
      if (mn > 0) consider(f, b, true, g + mg, h + mh, n + mn);
    }
  });
  const found = best as Split | null;
  if (found === null || hist[found.feature * SLOTS * 3 + MISSING_BIN * 3 + 2] !== 0) return found;
  return { ...found, missingLeft: found.left.n >= found.right.n };
}
