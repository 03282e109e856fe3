export const TIERS = ['platinum', 'gold', 'silver', 'bronze'] as const;
export type Tier = (typeof TIERS)[number];

/** Customers per tier, all zero: a count to add to. */
export const zeroTierCounts = (): Record<Tier, number> => ({ platinum: 0, gold: 0, silver: 0, bronze: 0 });

export const TIER_NAMES: Readonly<Record<Tier, { readonly zh: string; readonly en: string }>> = {
  platinum: { zh: '铂金', en: 'Platinum' },
  gold: { zh: '黄金', en: 'Gold' },
  silver: { zh: '白银', en: 'Silver' },
  bronze: { zh: '青铜', en: 'Bronze' },
};

export const TAGS = ['high_potential', 'high_risk', 'churn_warning', 'detractor'] as const;
export type TagName = (typeof TAGS)[number];

export const TAG_NAMES: Readonly<Record<TagName, { readonly zh: string; readonly en: string }>> = {
  high_potential: { zh: '高潜力', en: 'High potential' },
  high_risk: { zh: '高风险', en: 'High risk' },
  churn_warning: { zh: '流失预警', en: 'Churn warning' },
  detractor: { zh: '贬损者', en: 'Detractor' },
};
