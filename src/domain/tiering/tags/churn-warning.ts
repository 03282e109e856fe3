import type { TagRule } from '../../../contracts/tiering/config.js';
import { formatDecimal1, formatInt, formatPercent } from './format.js';
import type { Reason, TagInput, TagWindows } from './tag-input.js';

type Rule = Extract<TagRule, { kind: 'churn_warning' }>;

/**
 * The figures of the churn rule for one customer. The feature table has no median interval between orders, so
 * the customer's usual interval is approximated by the observed span over the number of orders in it: the
 * observed span is the long window, or the customer's tenure when the account is younger than that (a customer
 * opened 60 days ago with 8 orders orders every 7.5 days, not every 365 / 8 days). Frequencies are compared
 * over the same spans. The SQL builder computes these with the same operations in the same order.
 */
export interface ChurnFigures {
  readonly span: number;
  readonly recentSpan: number;
  /** Days between orders, usually: span / orders. */
  readonly usualInterval: number;
  readonly recentRate: number;
  readonly longRate: number;
}

export function churnFigures(x: TagInput, w: TagWindows): ChurnFigures | null {
  const { orders, orders_recent: recent } = x;
  if (orders === null || orders <= 0) return null;
  const span = Math.min(w.longDays, Math.max(x.tenure_days ?? w.longDays, 1));
  const recentSpan = Math.min(w.shortDays, span);
  return {
    span,
    recentSpan,
    usualInterval: span / orders,
    recentRate: (recent ?? 0) / recentSpan,
    longRate: orders / span,
  };
}

/**
 * Churn warning, for customers with at least minOrders orders in the long window: the gap since the last order
 * is at least max(minGapDays, gapFactor × usual interval), or the recent frequency fell below frequencyDropTo
 * of the long-window frequency. The reason lists each part that fired.
 */
export function churnWarning(rule: Rule, x: TagInput, w: TagWindows): Reason | null {
  const reasons = [...ruleReasons(rule, x, w), ...modelReasons(rule, x)];
  if (reasons.length === 0) return null;
  return { en: reasons.map((r) => r.en).join('; '), zh: reasons.map((r) => r.zh).join('；') };
}

/**
 * The model part: the churn_probability the run filled from the rule's saved model, at least minProbability
 * (resolved to the model's threshold by the run). It needs no minimum of orders: the model has its population.
 */
function modelReasons(rule: Rule, x: TagInput): Reason[] {
  const p = x.churn_probability;
  const min = rule.model?.minProbability;
  if (p === null || min === undefined || !(p >= min)) return [];
  const share = formatPercent(p);
  const limit = formatPercent(min);
  return [
    {
      en: `churn model: ${share} % probability of no order (threshold ${limit} %)`,
      zh: `流失模型：不再下单的概率 ${share}%（阈值 ${limit}%）`,
    },
  ];
}

function ruleReasons(rule: Rule, x: TagInput, w: TagWindows): Reason[] {
  const { orders, recency_days: recency, orders_recent: recent } = x;
  if (orders === null || recency === null || orders < rule.minOrders) return [];
  const f = churnFigures(x, w);
  if (f === null) return [];
  const reasons: Reason[] = [];
  if (recency >= Math.max(rule.minGapDays, rule.gapFactor * f.usualInterval)) {
    const days = formatInt(recency);
    const times = formatDecimal1(recency / f.usualInterval);
    const usual = formatInt(f.usualInterval);
    reasons.push({
      en: `no order for ${days} days, ${times}× the usual ${usual}-day interval`,
      zh: `已 ${days} 天未下单，为平时间隔（${usual} 天）的 ${times} 倍`,
    });
  }
  if (recent !== null && f.recentRate < rule.frequencyDropTo * f.longRate) {
    const n = formatInt(recent);
    const days = formatInt(f.recentSpan);
    const share = formatPercent(f.recentRate / f.longRate);
    const expected = formatInt(f.longRate * f.recentSpan);
    reasons.push({
      en: `only ${n} orders in the last ${days} days, ${share} % of the usual rate (${expected} expected)`,
      zh: `近 ${days} 天仅下单 ${n} 次，为平时频率的 ${share}%（应为 ${expected} 次）`,
    });
  }
  return reasons;
}
