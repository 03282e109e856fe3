import type { TagRule } from '../../../contracts/tiering/config.js';
import { formatInt, formatPercent, plural, ratingOf } from './format.js';
import type { Reason, TagInput, TagWindows } from './tag-input.js';

type Rule = Extract<TagRule, { kind: 'high_risk' }>;

/** One signal of the high-risk rule: when it fires and how it reads. */
interface Signal {
  fires(x: TagInput): number | null;
  reason(value: number, w: TagWindows): Reason;
}

/** The signals in the order their reasons are listed (the same order as in the SQL builder). */
export function highRiskSignals(rule: Rule): readonly Signal[] {
  const at = (v: number | null, ok: (v: number) => boolean) => (v !== null && ok(v) ? v : null);
  const limit = formatPercent(rule.maxOnTimePaymentRate);
  return [
    {
      fires: (x) => at(x.on_time_payment_rate, (v) => v <= rule.maxOnTimePaymentRate),
      reason: (v) => ({
        en: `paid ${formatPercent(v)} % of invoices on time (limit ${limit} %)`,
        zh: `按时付款率 ${formatPercent(v)}%（下限 ${limit}%）`,
      }),
    },
    {
      fires: (x) => at(x.days_past_due, (v) => v >= rule.minDaysPastDue),
      reason: (v) => ({
        en: `oldest unpaid invoice ${formatInt(v)} days past due`,
        zh: `最早未付发票已逾期 ${formatInt(v)} 天`,
      }),
    },
    {
      fires: (x) => at(x.disputes_open, (v) => v >= rule.minOpenDisputes),
      reason: (v) => ({
        en: `${formatInt(v)} open legal ${plural(v, 'dispute', 'disputes')}`,
        zh: `${formatInt(v)} 起未结法律纠纷`,
      }),
    },
    {
      fires: (x) => at(x.severe_complaints, (v) => v >= rule.minSevereComplaints),
      reason: (v, w) => ({
        en: `${formatInt(v)} severe ${plural(v, 'complaint', 'complaints')} in ${formatInt(w.longDays)} days`,
        zh: `${formatInt(w.longDays)} 天内 ${formatInt(v)} 次严重投诉`,
      }),
    },
    {
      fires: (x) => at(x.credit_score, (v) => v <= rule.maxCreditScore),
      reason: (v) => ({
        en: `credit rating ${ratingOf(v)} (score ${formatInt(v)} of 9)`,
        zh: `信用评级 ${ratingOf(v)}（${formatInt(v)}/9 分）`,
      }),
    },
  ];
}

/** High risk: any signal fires; the reason lists every signal that fired. */
export function highRisk(rule: Rule, x: TagInput, w: TagWindows): Reason | null {
  const reasons: Reason[] = [];
  for (const s of highRiskSignals(rule)) {
    const v = s.fires(x);
    if (v !== null) reasons.push(s.reason(v, w));
  }
  if (reasons.length === 0) return null;
  return { en: reasons.map((r) => r.en).join('; '), zh: reasons.map((r) => r.zh).join('；') };
}
