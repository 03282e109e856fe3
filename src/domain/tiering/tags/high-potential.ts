import type { TagRule } from '../../../contracts/tiering/config.js';
import { TIERS } from '../../../contracts/tiering/tiers.js';
import { formatInt, formatPercent } from './format.js';
import type { Reason, TagInput, TagWindows } from './tag-input.js';

type Rule = Extract<TagRule, { kind: 'high_potential' }>;

/**
 * High potential: purchases grew by at least minGrowth (short window over the one before), with at least
 * minOrdersRecent orders in the short window, for a customer not in a tier above maxTier.
 */
export function highPotential(rule: Rule, x: TagInput, w: TagWindows): Reason | null {
  const { growth, orders_recent: recent } = x;
  if (growth === null || recent === null) return null;
  if (x.tier !== null && TIERS.indexOf(x.tier) < TIERS.indexOf(rule.maxTier)) return null;
  if (!(growth >= rule.minGrowth && recent >= rule.minOrdersRecent)) return null;
  const g = formatPercent(growth);
  const n = formatInt(recent);
  const days = formatInt(w.shortDays);
  return {
    en: `purchases up ${g} % on the previous ${days} days, ${n} orders in the last ${days} days`,
    zh: `近 ${days} 天采购额较前 ${days} 天增长 ${g}%，近 ${days} 天下单 ${n} 次`,
  };
}
