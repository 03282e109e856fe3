import type { Tier } from '../../../contracts/tiering/tiers.js';
import { applyHysteresis, type PreviousTier, type StreakRule } from './hysteresis.js';
import type { RuleTier, TiersConfig } from './quota-tiers.js';
import type { ScoredCustomer } from './score-customers.js';

export type TierDecision = Pick<
  ScoredCustomer,
  'rankPct' | 'candidateTier' | 'candidateStreak' | 'tier' | 'tierReason'
>;

/** The final tier of a customer from its rule tier: hysteresis against the previous decision, then an override. */
export function decideTier(
  rule: RuleTier,
  previous: PreviousTier | undefined,
  override: Tier | undefined,
  tiers: TiersConfig,
  streakOf?: StreakRule,
): TierDecision {
  const h = applyHysteresis(rule, previous, tiers, streakOf);
  return {
    rankPct: rule.rankPct,
    candidateTier: rule.tier,
    candidateStreak: h.candidateStreak,
    tier: override ?? h.tier,
    tierReason: override ? 'override' : h.held ? 'hysteresis' : rule.reason,
  };
}
