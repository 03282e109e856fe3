export { KEY_COLORS, TIER_COLORS } from '../../contracts/tiering/tier-colors.js';

/** Series that are not tiers: a measure and its comparison, warnings, capacity. */
export const ACCENT = {
  primary: '#1d4ed8',
  secondary: '#0f766e',
  warning: '#b42318',
  muted: '#9ca3af',
} as const;
