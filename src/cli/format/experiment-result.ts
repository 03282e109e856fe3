import type {
  EffectSummary,
  ExperimentResultSummary,
} from '../../contracts/experiments/experiment-result.js';
import type { ExperimentMetric } from '../../contracts/experiments/experiment-spec.js';
import type { TierBoundaryEffect } from '../../contracts/experiments/tier-boundary.js';
import { count, percent, yuan } from './numbers.js';

const METRIC_LABELS: Record<ExperimentMetric, string> = {
  gmv: 'GMV per customer',
  margin: 'margin per customer',
  orders_per_month: 'orders per month',
  repurchase: 'repurchase (2+ orders)',
  churned: 'churned (no order)',
  overdue_rate: 'overdue invoice rate',
};

const SHARES: ReadonlySet<ExperimentMetric> = new Set(['repurchase', 'churned', 'overdue_rate']);

function value(metric: ExperimentMetric, x: number): string {
  if (SHARES.has(metric)) return percent(x);
  if (metric === 'orders_per_month') return x.toFixed(2);
  return yuan(x);
}

const signed = (metric: ExperimentMetric, x: number) => `${x >= 0 ? '+' : '−'}${value(metric, Math.abs(x))}`;

function effectLine(e: EffectSummary): string {
  const p = e.pValue < 0.001 ? 'p < 0.001' : `p = ${e.pValue.toFixed(3)}`;
  return `  ${METRIC_LABELS[e.metric].padEnd(24)} ${value(e.metric, e.control).padStart(12)} → ${value(e.metric, e.treatment).padStart(12)}   ${signed(e.metric, e.estimate)} [${signed(e.metric, e.ciLow)}, ${signed(e.metric, e.ciHigh)}]  ${p}${e.cuped ? '  CUPED' : ''}`;
}

/** `stratum experiment analyze` as text: per variant, every metric against the control, the ROI and the caveats. */
export function experimentResultLines(r: ExperimentResultSummary): string[] {
  const lines = [
    `Experiment ${r.name} (${r.experimentId}), randomised by ${r.unit}; pre-period ${r.preStart} – the day before ${r.start}, post-period ${r.start} – ${r.end}`,
    `Control ${r.control.variant}: ${count(r.control.units)} units, ${count(r.control.customers)} customers. Sample ratio χ² = ${r.srm.chiSquare.toFixed(2)}, p = ${r.srm.pValue.toFixed(3)}${r.srm.mismatch ? '  MISMATCH' : ''}`,
  ];
  for (const c of r.comparisons) {
    const u = c.unadjusted;
    lines.push(
      '',
      `${c.variant}: ${count(c.units)} units, ${count(c.customers)} customers   (control → treatment, difference [95 % CI])`,
      ...c.effects.map(effectLine),
      `  without CUPED, ${METRIC_LABELS[u.metric]}: ${signed(u.metric, u.estimate)} [${signed(u.metric, u.ciLow)}, ${signed(u.metric, u.ciHigh)}]; CUPED removed ${percent(c.varianceReduction)} of the variance`,
      `  ROI: incremental margin ${signed('margin', c.roi.incrementalMargin)} − policy cost ${yuan(c.roi.policyCost)} = ${signed('margin', c.roi.net)} [${signed('margin', c.roi.ciLow)}, ${signed('margin', c.roi.ciHigh)}]`,
    );
  }
  if (r.caveats.length > 0) lines.push('', 'Caveats:', ...r.caveats.map((c) => `  - ${c}`));
  return lines;
}

/** `stratum experiment boundary` as text: the jump at the tier edge, its interval and the caveats. */
export function tierBoundaryLines(r: TierBoundaryEffect): string[] {
  const money = r.metric !== 'orders';
  const v = (x: number) => (money ? signed('gmv', x) : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`);
  const p = r.pValue < 0.001 ? 'p < 0.001' : `p = ${r.pValue.toFixed(3)}`;
  return [
    `Tier edge ${r.tier} in run ${r.runId} (as of ${r.runAsOf}): edge at the top ${(100 * r.share).toFixed(0)} % by rank, bandwidth ±${r.bandwidth.toFixed(1)} percentile points, ${count(r.n.below)} customers below and ${count(r.n.above)} above`,
    `Change in ${r.metric} per customer, ${r.days} days after the run against ${r.days} days before: jump at the edge ${v(r.estimate)} [${v(r.ciLow)}, ${v(r.ciHigh)}], ${p}`,
    '',
    'Caveats:',
    ...r.caveats.map((c) => `  - ${c}`),
  ];
}
