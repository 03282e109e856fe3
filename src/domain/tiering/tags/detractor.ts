import type { TagRule } from '../../../contracts/tiering/config.js';
import { formatInt } from './format.js';
import type { Reason, TagInput } from './tag-input.js';

type Rule = Extract<TagRule, { kind: 'detractor' }>;

/** A score given within the rule's window and at most its limit. */
const low = (score: number | null, days: number | null, max: number, withinDays: number): boolean =>
  score !== null && days !== null && days <= withinDays && score <= max;

/**
 * Detractor: the customer's latest NPS response, given within withinDays of the as-of date, scored at most maxScore,
 * or its latest CSAT response within withinDays at most maxCsat. The reason lists each part that fired.
 */
export function detractor(rule: Rule, x: TagInput): Reason | null {
  const reasons: Reason[] = [];
  const { last_nps: nps, last_nps_days: npsDays, last_csat: csat, last_csat_days: csatDays } = x;
  if (low(nps, npsDays, rule.maxScore, rule.withinDays)) {
    const score = formatInt(nps ?? 0);
    const days = formatInt(npsDays ?? 0);
    reasons.push({
      en: `NPS ${score} of 10 given ${days} days ago (detractor at ${rule.maxScore} or less)`,
      zh: `${days} 天前 NPS 评分 ${score}/10（${rule.maxScore} 分及以下为贬损者）`,
    });
  }
  if (low(csat, csatDays, rule.maxCsat, rule.withinDays)) {
    const score = formatInt(csat ?? 0);
    const days = formatInt(csatDays ?? 0);
    reasons.push({
      en: `satisfaction ${score} of 5 given ${days} days ago (limit ${rule.maxCsat})`,
      zh: `${days} 天前满意度评分 ${score}/5（下限 ${rule.maxCsat} 分）`,
    });
  }
  if (reasons.length === 0) return null;
  return { en: reasons.map((r) => r.en).join('; '), zh: reasons.map((r) => r.zh).join('；') };
}
