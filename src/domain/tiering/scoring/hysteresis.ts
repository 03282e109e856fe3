import { quotaEdges } from '../../../contracts/tiering/quota-edges.js';
import { TIERS, type Tier } from '../../../contracts/tiering/tiers.js';
import type { RuleTier, TiersConfig } from './quota-tiers.js';

/** What the previous committed run decided about a customer (from previous_snapshot). */
export interface PreviousTier {
  readonly tier: Tier | null;
  readonly candidateTier: Tier | null;
  readonly candidateStreak: number | null;
}

/** How a decision counts the streak of its candidate tier from the previous one. */
export type StreakRule = (candidate: Tier | null, previous: PreviousTier | undefined) => number | null;

/** Consecutive runs with this candidate tier, this one included; null when there is no candidate. */
export function candidateStreak(candidate: Tier | null, previous: PreviousTier | undefined): number | null {
  if (candidate === null) return null;
  return previous && previous.candidateTier === candidate ? (previous.candidateStreak ?? 0) + 1 : 1;
}

/**
 * Whether a ranked customer's move from `from` to `to` clears the boundary of `from`'s quota band by the margin:
 * moving up, 100·rank_pct ≤ upper edge of `from` − marginPct; moving down, 100·rank_pct ≥ lower edge of
 * `from` + marginPct. Written as 100·(position − 1) against (edge ∓ margin)·n, as the SQL does.
 */
export function clearsMargin(
  from: Tier,
  to: Tier,
  position: number,
  n: number,
  quotas: TiersConfig['quotas'],
  marginPct: number,
): boolean {
  const edges = quotaEdges(quotas);
  const f = TIERS.indexOf(from);
  return TIERS.indexOf(to) < f
    ? 100 * (position - 1) <= ((edges[f] as number) - marginPct) * n
    : 100 * (position - 1) >= ((edges[f + 1] as number) + marginPct) * n;
}

export interface HysteresisResult {
  readonly tier: Tier | null;
  readonly held: boolean;
  readonly candidateStreak: number | null;
}

/**
 * Hysteresis: a ranked customer whose candidate differs from its previous tier moves only if it clears the margin
 * or its candidate has held for `runs` runs; otherwise it keeps the previous tier. Customers without a previous
 * tier, inactive ones (no rank) and runs without hysteresis take the candidate. A batch run counts the streak with
 * candidateStreak; `streakOf` lets a decision between runs count it otherwise.
 */
export function applyHysteresis(
  rule: RuleTier,
  previous: PreviousTier | undefined,
  tiers: TiersConfig,
  streakOf: StreakRule = candidateStreak,
): HysteresisResult {
  const streak = streakOf(rule.tier, previous);
  const h = tiers.hysteresis;
  const from = previous?.tier ?? null;
  if (
    h === null ||
    from === null ||
    rule.tier === null ||
    rule.tier === from ||
    rule.position === null ||
    rule.scopeSize === null
  ) {
    return { tier: rule.tier, held: false, candidateStreak: streak };
  }
  const moves =
    clearsMargin(from, rule.tier, rule.position, rule.scopeSize, tiers.quotas, h.marginPct) ||
    (streak ?? 0) >= h.runs;
  return moves
    ? { tier: rule.tier, held: false, candidateStreak: streak }
    : { tier: from, held: true, candidateStreak: streak };
}
