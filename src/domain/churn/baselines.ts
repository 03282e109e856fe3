import type { OperatingPoint } from '../../contracts/churn/evaluation.js';
import type { TagRule } from '../../contracts/tiering/config.js';
import { TAG_FEATURES } from '../../contracts/tiering/tag-features.js';
import { churnWarning } from '../tiering/tags/churn-warning.js';
import type { TagInput, TagWindows } from '../tiering/tags/tag-input.js';
import { columnsOf, type FeatureMatrix } from './feature-matrix.js';
import { rocAuc } from './roc-auc.js';
import { operatingPoint } from './threshold-metrics.js';

export type ChurnWarningRule = Extract<TagRule, { kind: 'churn_warning' }>;

/** AUC of ranking by days since the last order alone (never ordered = longest ago); null with one class. */
export function recencyAuc(x: FeatureMatrix, y: ArrayLike<number>): number | null {
  const [column] = columnsOf(x, ['recency_days']);
  const width = x.names.length;
  const recency = Float64Array.from({ length: x.rows }, (_, r) => {
    const v = x.values[r * width + (column as number)] as number;
    return Number.isNaN(v) ? Infinity : v;
  });
  const auc = rocAuc(recency, y);
  return Number.isNaN(auc) ? null : auc;
}

/** The churn_warning tag rule as a yes/no prediction of the outcome, over the features it reads. */
export function churnWarningPoint(
  rule: ChurnWarningRule,
  windows: TagWindows,
  x: FeatureMatrix,
  y: ArrayLike<number>,
): OperatingPoint {
  const columns = columnsOf(x, TAG_FEATURES);
  const width = x.names.length;
  const fired = Float64Array.from({ length: x.rows }, (_, r) => {
    const input: Record<string, number | null> = {};
    TAG_FEATURES.forEach((f, i) => {
      const v = x.values[r * width + (columns[i] as number)] as number;
      input[f] = Number.isNaN(v) ? null : v;
    });
    return churnWarning(rule, { ...(input as Omit<TagInput, 'tier'>), tier: null }, windows) ? 1 : 0;
  });
  return operatingPoint(fired, y, 1);
}
