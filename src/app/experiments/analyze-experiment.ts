import { stratumError } from '../../contracts/errors.js';
import type {
  EffectSummary,
  ExperimentResultSummary,
  VariantComparison,
} from '../../contracts/experiments/experiment-result.js';
import { EXPERIMENT_METRICS, type ExperimentMetric } from '../../contracts/experiments/experiment-spec.js';
import { addDays, daysBetween } from '../../contracts/time/iso-date.js';
import { compareArms, type ArmsComparison } from '../../domain/experiments/compare-arms.js';
import { policyCost } from '../../domain/experiments/policy-cost.js';
import { experimentRoi } from '../../domain/statistics/experiments/roi.js';
import { sampleRatioMismatch } from '../../domain/statistics/experiments/srm.js';
import type { Engine, Row } from '../../engines/engine.js';
import { experimentOutcomesSql } from '../../sql/experiments/outcomes-sql.js';
import { metricValue } from './experiment-metrics.js';
import { getExperiment, variantCounts } from './experiments.js';

/** Fewer clusters per arm than this and cluster-robust intervals are too narrow (Cameron & Miller 2015). */
const FEW_CLUSTERS = 20;
const SHORT_POST_DAYS = 28;

const summary = (metric: ExperimentMetric, c: ArmsComparison, adjusted: boolean): EffectSummary => {
  const e = adjusted ? c.adjusted : c.unadjusted;
  // The arms' raw means: CUPED-adjusted means depend on the pooled θ and mean nothing to a reader.
  return {
    metric,
    control: c.unadjusted.means.control,
    treatment: c.unadjusted.means.treatment,
    estimate: e.estimate,
    ciLow: e.ciLow,
    ciHigh: e.ciHigh,
    pValue: e.pValue,
    cuped: adjusted && c.cuped,
  };
};

/** One metric of control and treatment customers as the arms to compare; rows where it is undefined are left out. */
function compareMetric(
  metric: ExperimentMetric,
  rows: readonly Row[],
  treatment: string,
  clusterOf: ((r: Row) => number) | null,
  days: { pre: number; post: number },
): ArmsComparison | null {
  const kept = rows.filter((r) => Number.isFinite(metricValue(metric, r, 'post', days.post)));
  try {
    return compareArms({
      post: Float64Array.from(kept, (r) => metricValue(metric, r, 'post', days.post)),
      pre: Float64Array.from(kept, (r) => metricValue(metric, r, 'pre', days.pre)),
      treated: Uint8Array.from(kept, (r) => (String(r.variant) === treatment ? 1 : 0)),
      cluster: clusterOf ? Int32Array.from(kept, clusterOf) : null,
    });
  } catch (error) {
    // Too few customers (or clusters) with a value in an arm: the metric cannot be estimated.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * The analysis of an assigned experiment as of `asOf`: per treatment variant and metric, the difference in means
 * against the control over the post-period, with CUPED on the pre-period value and cluster-robust errors when
 * clusters were randomised; the sample ratio check; and the ROI (incremental margin − the variant's policy cost).
 */
export async function analyzeExperiment(
  engine: Engine,
  idOrName: string,
  asOf: string,
): Promise<ExperimentResultSummary> {
  const experiment = await getExperiment(engine, idOrName);
  const { spec } = experiment;
  if (experiment.assignedAt === null)
    throw stratumError('INVALID_ARGUMENT', `experiment ${spec.name} is not assigned yet: run assign first`, {
      field: 'experiment',
    });
  const end = spec.end !== undefined && spec.end < asOf ? spec.end : asOf;
  if (end < spec.start)
    throw stratumError('INVALID_ARGUMENT', `the post-period starts on ${spec.start}, after ${asOf}`, {
      field: 'asOf',
    });
  const preStart = addDays(spec.start, -spec.preDays);
  const days = { pre: spec.preDays, post: daysBetween(spec.start, end) + 1 };
  const rows = await engine.read(
    experimentOutcomesSql(engine.dialect, experiment.experimentId, { preStart, start: spec.start, end }),
  );
  const counts = await variantCounts(engine, experiment);
  const clusterIds = new Map<string, number>();
  const clusterOf =
    experiment.unit === 'customer'
      ? null
      : (r: Row) => {
          const unit = String(r.unit_id);
          if (!clusterIds.has(unit)) clusterIds.set(unit, clusterIds.size);
          return clusterIds.get(unit)!;
        };
  const [control, ...treatments] = spec.variants;
  const comparisons: VariantComparison[] = treatments.map((variant) => {
    const arms = rows.filter((r) => r.variant === control!.name || r.variant === variant.name);
    const treatedRows = arms.filter((r) => r.variant === variant.name);
    const byMetric = new Map<ExperimentMetric, ArmsComparison>();
    for (const m of EXPERIMENT_METRICS) {
      const c = compareMetric(m, arms, variant.name, clusterOf, days);
      if (c) byMetric.set(m, c);
    }
    const primary = byMetric.get(spec.primaryMetric);
    const margin = byMetric.get('margin');
    if (!primary || !margin)
      throw stratumError(
        'INVALID_ARGUMENT',
        `too few ${experiment.unit} units with data in ${control!.name} or ${variant.name} to estimate ${primary ? 'margin' : spec.primaryMetric}`,
        { field: 'experiment' },
      );
    const cost = policyCost(variant, {
      customers: treatedRows.length,
      gmv: treatedRows.reduce((s, r) => s + Number(r.gmv_post), 0),
      days: days.post,
      costPerVisit: spec.costPerVisit,
    });
    const roi = experimentRoi(margin.adjusted, treatedRows.length, cost);
    const count = counts.find((c) => c.variant === variant.name);
    return {
      variant: variant.name,
      units: count?.units ?? 0,
      customers: count?.customers ?? 0,
      effects: [...byMetric].map(([m, c]) => summary(m, c, true)),
      unadjusted: summary(spec.primaryMetric, primary, false),
      varianceReduction: primary.varianceReduction,
      roi: {
        incrementalMargin: roi.incrementalMargin,
        policyCost: roi.policyCost,
        net: roi.net,
        ciLow: roi.ciLow,
        ciHigh: roi.ciHigh,
      },
    };
  });
  const srm = sampleRatioMismatch(
    spec.variants.map((v) => counts.find((c) => c.variant === v.name)?.units ?? 0),
    spec.variants.map((v) => v.weight),
  );
  const controlCount = counts.find((c) => c.variant === control!.name);
  const caveats: string[] = [];
  if (srm.mismatch)
    caveats.push(
      `sample ratio mismatch (χ² p = ${srm.pValue.toExponential(2)}): the arms are not in the designed proportions, so the assignment or the population is broken; do not trust the effects`,
    );
  if (clusterOf && Math.min(...counts.map((c) => c.units)) < FEW_CLUSTERS)
    caveats.push(
      `fewer than ${FEW_CLUSTERS} ${experiment.unit} clusters in an arm: cluster-robust intervals are too narrow with few clusters`,
    );
  if (days.post < SHORT_POST_DAYS)
    caveats.push(`the post-period has ${days.post} days: effects on monthly behaviour are not visible yet`);
  if (end < (spec.end ?? end)) caveats.push(`the experiment is still running: analysed up to ${end}`);
  return {
    experimentId: experiment.experimentId,
    name: spec.name,
    unit: experiment.unit,
    preStart,
    start: spec.start,
    end,
    primaryMetric: spec.primaryMetric,
    control: {
      variant: control!.name,
      units: controlCount?.units ?? 0,
      customers: controlCount?.customers ?? 0,
    },
    comparisons,
    srm: { chiSquare: srm.chiSquare, pValue: srm.pValue, mismatch: srm.mismatch },
    caveats,
  };
}
