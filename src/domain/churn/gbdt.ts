import type { GbdtModel, Tree } from '../../contracts/churn/model.js';
import { Rng } from '../generation/prng.js';
import { binMatrix, fitBinning, MAX_BINS, type Binning } from './binning.js';
import { columnsOf, type FeatureMatrix, type LabelledRows } from './feature-matrix.js';
import { binnedLeafValue, growTree, type BinnedTree, type TreeRules } from './grow-tree.js';
import type { BinnedData } from './histogram.js';
import { logit, sigmoid } from './log-odds.js';
import { logLoss } from './probability-scores.js';

/*
 * Our own gradient boosting: no maintained GBDT library runs in Node without native code (ml-xgboost 1.1.2 is an
 * old WASM build of XGBoost 0.x, and nothing maintained is pure JS). Churn data is small (rows = customers ×
 * as-of dates, a few dozen features), so a compact histogram booster in the manner of LightGBM is enough.
 */

export interface GbdtOptions extends TreeRules {
  /** Trees at most. */
  readonly rounds: number;
  readonly learningRate: number;
  /** Share of rows each tree is grown on, drawn anew per tree from `seed`. */
  readonly subsample: number;
  readonly maxBins: number;
  /** Stop when the validation log-loss has not improved for this many trees (needs validation rows). */
  readonly earlyStoppingRounds: number;
  readonly seed: number;
}

export const GBDT_DEFAULTS: GbdtOptions = {
  rounds: 500,
  learningRate: 0.05,
  maxLeaves: 31,
  maxDepth: 6,
  minSamplesLeaf: 20,
  minHessianLeaf: 1e-3,
  l2: 1,
  minSplitGain: 0,
  subsample: 0.8,
  maxBins: MAX_BINS,
  earlyStoppingRounds: 30,
  seed: 1,
};

export interface GbdtFit {
  /** Trees up to the best validation round (all trees without validation). */
  readonly model: GbdtModel;
  /** Validation log-loss after each tree grown (empty without validation). */
  readonly validationLoss: readonly number[];
}

/** Boosts trees on binary log-loss: each tree fits the Newton step of the loss at the current raw scores. */
export function trainGbdt(
  train: LabelledRows,
  options: Partial<GbdtOptions> = {},
  validation?: LabelledRows,
): GbdtFit {
  const o = { ...GBDT_DEFAULTS, ...options };
  const n = train.x.rows;
  if (n === 0) throw new Error('no training rows');
  const binning = fitBinning(train.x, o.maxBins);
  const data = binned(train.x, binning);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += train.y[i] as number;
  const baseScore = logit(positives / n);
  const raw = new Float64Array(n).fill(baseScore);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const valid = validation && {
    data: binned(reordered(validation.x, train.x.names), binning),
    y: validation.y,
    raw: new Float64Array(validation.x.rows).fill(baseScore),
  };
  const trees: BinnedTree[] = [];
  const losses: number[] = [];
  let best = 0;
  for (let t = 0; t < o.rounds; t++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(raw[i] as number);
      grad[i] = p - (train.y[i] as number);
      hess[i] = Math.max(p * (1 - p), 1e-16);
    }
    const tree = growTree(data, grad, hess, sample(n, o.subsample, new Rng(o.seed, t)), o);
    for (let i = 0; i < tree.value.length; i++) tree.value[i]! *= o.learningRate;
    trees.push(tree);
    for (let i = 0; i < n; i++) raw[i]! += binnedLeafValue(tree, data, i);
    if (!valid) continue;
    for (let i = 0; i < valid.raw.length; i++) valid.raw[i]! += binnedLeafValue(tree, valid.data, i);
    losses.push(logLoss(Float64Array.from(valid.raw, sigmoid), valid.y));
    if ((losses[t] as number) < (losses[best] as number)) best = t;
    else if (t - best >= o.earlyStoppingRounds) break;
  }
  const kept = valid ? trees.slice(0, best + 1) : trees;
  return {
    model: {
      kind: 'gbdt',
      features: [...train.x.names],
      baseScore,
      trees: kept.map((tree) => withThresholds(tree, binning)),
      importance: gainShares(kept, train.x.names.length),
    },
    validationLoss: losses,
  };
}

const binned = (x: FeatureMatrix, binning: Binning): BinnedData => ({
  bins: binMatrix(x, binning),
  rows: x.rows,
  binCounts: binning.edges.map((e) => e.length + 1),
});

/** The matrix with its columns in `names`' order. */
function reordered(x: FeatureMatrix, names: readonly string[]): FeatureMatrix {
  const columns = columnsOf(x, names);
  const width = names.length;
  const values = new Float64Array(x.rows * width);
  for (let r = 0; r < x.rows; r++)
    for (let c = 0; c < width; c++)
      values[r * width + c] = x.values[r * x.names.length + (columns[c] as number)] as number;
  return { names, rows: x.rows, values };
}

/** Each row kept with probability `share` (all rows when share ≥ 1). */
function sample(n: number, share: number, rng: Rng): Uint32Array {
  if (share >= 1) return Uint32Array.from({ length: n }, (_, i) => i);
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (rng.next() < share) rows.push(i);
  return Uint32Array.from(rows);
}

/** The tree with each bin split as a raw threshold: the upper edge of the bin, null past the last edge. */
function withThresholds(tree: BinnedTree, binning: Binning): Tree {
  return {
    feature: tree.feature,
    threshold: tree.feature.map((f, i) =>
      f < 0 ? null : ((binning.edges[f] as Float64Array)[tree.bin[i] as number] ?? null),
    ),
    missingLeft: tree.missingLeft,
    left: tree.left,
    right: tree.right,
    value: tree.value,
  };
}

function gainShares(trees: readonly BinnedTree[], features: number): number[] {
  const gain = new Array<number>(features).fill(0);
  for (const t of trees) t.feature.forEach((f, i) => f >= 0 && (gain[f]! += t.gain[i] as number));
  const total = gain.reduce((s, g) => s + g, 0);
  return gain.map((g) => (total > 0 ? g / total : 0));
}

/** P(positive) per row of `x`, whose columns are read by the model's feature names. */
export function predictGbdt(model: GbdtModel, x: FeatureMatrix): Float64Array {
  const columns = columnsOf(x, model.features);
  const width = x.names.length;
  const out = new Float64Array(x.rows);
  for (let r = 0; r < x.rows; r++) {
    let z = model.baseScore;
    for (const tree of model.trees) {
      let i = 0;
      while ((tree.feature[i] as number) >= 0) {
        const v = x.values[r * width + (columns[tree.feature[i] as number] as number)] as number;
        const t = tree.threshold[i] as number | null;
        const goLeft = Number.isNaN(v) ? tree.missingLeft[i] : t === null || v <= t;
        i = (goLeft ? tree.left[i] : tree.right[i]) as number;
      }
      z += tree.value[i] as number;
    }
    out[r] = sigmoid(z);
  }
  return out;
}
