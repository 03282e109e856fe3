import type { Tier } from './tiers.js';

/**
 * Chart colours of the tiers and of the migration's other keys, shared by the dashboard (and its CSS variables
 * --platinum… in web/src/styles.css) and the periodic reports.
 */
export const TIER_COLORS: Readonly<Record<Tier, string>> = {
  platinum: '#5b6b7f',
  gold: '#a16207',
  silver: '#94a3b8',
  bronze: '#9a3412',
};

export const KEY_COLORS: Readonly<Record<string, string>> = {
  ...TIER_COLORS,
  new: '#15803d',
  gone: '#b42318',
  excluded: '#6b7280',
};
