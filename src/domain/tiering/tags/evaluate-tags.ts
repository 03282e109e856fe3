import { assertUnreachable } from '../../../contracts/assert-unreachable.js';
import type { TagRule } from '../../../contracts/tiering/config.js';
import { TAGS, type TagName } from '../../../contracts/tiering/tiers.js';
import { churnWarning } from './churn-warning.js';
import { detractor } from './detractor.js';
import { highPotential } from './high-potential.js';
import { highRisk } from './high-risk.js';
import type { Reason, TagInput, TagResult, TagWindows } from './tag-input.js';

function evaluateRule(rule: TagRule, x: TagInput, w: TagWindows): Reason | null {
  switch (rule.kind) {
    case 'high_potential':
      return highPotential(rule, x, w);
    case 'high_risk':
      return highRisk(rule, x, w);
    case 'churn_warning':
      return churnWarning(rule, x, w);
    case 'detractor':
      return detractor(rule, x);
    default:
      return assertUnreachable(rule, 'tag rule');
  }
}

/**
 * Every configured tag rule on one customer: the tags that fired, sorted by name, each with its reason. Two
 * rules of one kind give one tag whose reason joins theirs in config order.
 */
export function evaluateTags(rules: readonly TagRule[], x: TagInput, w: TagWindows): TagResult[] {
  const fired = new Map<TagName, Reason[]>();
  for (const rule of rules) {
    const reason = evaluateRule(rule, x, w);
    if (reason) fired.set(rule.kind, [...(fired.get(rule.kind) ?? []), reason]);
  }
  return [...TAGS].sort().flatMap((tag) => {
    const reasons = fired.get(tag);
    if (!reasons) return [];
    return [
      {
        tag,
        reason: { en: reasons.map((r) => r.en).join('; '), zh: reasons.map((r) => r.zh).join('；') },
      },
    ];
  });
}
