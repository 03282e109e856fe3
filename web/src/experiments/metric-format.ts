import type { ExperimentMetric } from '../../../src/contracts/experiments/experiment-spec';
import { formatMoney, formatMoneyChange, formatNumber, formatSigned, NONE } from '../common/format';
import type { Language } from '../i18n/messages';

/** How a metric's values read: yuan, a count per month, or a share of customers (or of invoices). */
export type MetricKind = 'money' | 'count' | 'share';

const KINDS: Record<ExperimentMetric, MetricKind> = {
  gmv: 'money',
  margin: 'money',
  orders_per_month: 'count',
  repurchase: 'share',
  churned: 'share',
  overdue_rate: 'share',
};

export const metricKind = (metric: ExperimentMetric): MetricKind => KINDS[metric];

/** A mean of the metric: ¥1,234.50, 2.35, 12.5%. */
export function formatMetricValue(kind: MetricKind, v: number, lang: Language): string {
  if (kind === 'money') return formatMoney(v, lang);
  if (kind === 'count') return formatNumber(v, lang, 2);
  return `${formatNumber(v * 100, lang, 1)}%`;
}

/** A difference of the metric, signed: +¥120.00, -0.15, +1.2 pp (a difference of shares is in points). */
export function formatMetricChange(kind: MetricKind, v: number, lang: Language): string {
  if (kind === 'money') return formatMoneyChange(v, lang);
  if (kind === 'count') return formatSigned(v, lang, 2);
  return `${formatSigned(v * 100, lang, 1)} pp`;
}

/** A 95 % interval of a difference: [-¥12.00, +¥250.00]. */
export function formatInterval(kind: MetricKind, low: number, high: number, lang: Language): string {
  return `[${formatMetricChange(kind, low, lang)}, ${formatMetricChange(kind, high, lang)}]`;
}

/** A p-value with three decimals, or "< 0.001" (tiny values are not rounded to a misleading 0.000). */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return NONE;
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** A p-value as a phrase: "p = 0.042", "p < 0.001". */
export const pValueText = (p: number): string => (p < 0.001 ? 'p < 0.001' : `p = ${formatPValue(p)}`);
