import type { Tier } from '../../../contracts/tiering/tiers.js';

/** A row of tier_overrides, timestamps as ISO 8601 instants. */
export interface TierOverride {
  readonly overrideId: string;
  readonly customerId: string;
  readonly tier: Tier;
  readonly createdAt: string;
  readonly expiresAt: string | null;
}

/**
 * The override in force for each customer at the end of the as-of day (`endOfAsOf`: midnight that starts the
 * next day, as an instant): expires_at NULL or later than it. Of several, the latest created wins (then the
 * greatest override_id).
 */
export function activeOverrides(overrides: readonly TierOverride[], endOfAsOf: string): Map<string, Tier> {
  const end = Date.parse(endOfAsOf);
  const best = new Map<string, TierOverride>();
  for (const o of overrides) {
    if (o.expiresAt !== null && !(Date.parse(o.expiresAt) > end)) continue;
    const cur = best.get(o.customerId);
    const later =
      !cur ||
      Date.parse(o.createdAt) > Date.parse(cur.createdAt) ||
      (Date.parse(o.createdAt) === Date.parse(cur.createdAt) && o.overrideId > cur.overrideId);
    if (later) best.set(o.customerId, o);
  }
  return new Map([...best].map(([id, o]) => [id, o.tier]));
}
