import { clusterRobustDifference } from '../statistics/experiments/cluster-robust.js';
import { cupedAdjust } from '../statistics/experiments/cuped.js';
import type { EffectEstimate } from '../statistics/experiments/effect-estimate.js';
import { welchDifference } from '../statistics/experiments/welch.js';

/** One metric of the customers of a control and a treatment arm. */
export interface ArmsSample {
  /** Post-period values. */
  readonly post: Float64Array;
  /** Pre-period values of the same metric, the CUPED covariate (NaN where undefined). */
  readonly pre: Float64Array;
  /** 1 for the treatment arm, 0 for the control. */
  readonly treated: Uint8Array;
  /** Cluster of each row when the randomisation unit is a cluster; null when customers were randomised. */
  readonly cluster: Int32Array | null;
}

export interface ArmsComparison {
  readonly adjusted: EffectEstimate;
  readonly unadjusted: EffectEstimate;
  /** Whether `adjusted` used the pre-period (false when it carries no information or is missing). */
  readonly cuped: boolean;
  readonly varianceReduction: number;
}

function difference(
  y: ArrayLike<number>,
  treated: Uint8Array,
  cluster: Int32Array | null,
  covariate?: ArrayLike<number>,
): EffectEstimate {
  if (cluster) return clusterRobustDifference({ y, treated, cluster, covariate });
  const arms: [number[], number[]] = [[], []];
  for (let i = 0; i < y.length; i++) arms[treated[i] === 1 ? 1 : 0].push(y[i]!);
  return welchDifference(arms[1], arms[0]);
}

/**
 * Treatment minus control of one metric, unadjusted and with CUPED: when customers were randomised, θ from the
 * pooled sample and Welch's test on the adjusted values; when clusters were, the same adjustment as a regression
 * covariate with cluster-robust errors (the regression's slope is fitted within arms, CUPED's θ on the pooled
 * sample: the two agree in large samples). Rows without a pre-period value keep
 * the unadjusted estimate.
 */
export function compareArms(sample: ArmsSample): ArmsComparison {
  const { post, pre, treated, cluster } = sample;
  const unadjusted = difference(post, treated, cluster);
  const usable = pre.every(Number.isFinite);
  const cuped = usable ? cupedAdjust(post, pre) : null;
  if (!cuped || cuped.theta === 0)
    return { adjusted: unadjusted, unadjusted, cuped: false, varianceReduction: 0 };
  const adjusted = cluster
    ? difference(post, treated, cluster, pre)
    : difference(cuped.adjusted, treated, null);
  return { adjusted, unadjusted, cuped: true, varianceReduction: cuped.varianceReduction };
}
