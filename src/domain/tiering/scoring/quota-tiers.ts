import type { TieringConfig } from '../../../contracts/tiering/config.js';
import type { FeatureVector } from '../../../contracts/tiering/features.js';
import type { TierReason } from '../../../contracts/tiering/pipeline-tables.js';
import { quotaEdges } from '../../../contracts/tiering/quota-edges.js';
import { TIERS, type Tier } from '../../../contracts/tiering/tiers.js';

export type TiersConfig = TieringConfig['tiers'];

/** What orders customers within a scope. */
export interface RankKey {
  readonly customerId: string;
  /** Primary model score. */
  readonly score: number;
  /** Tie-break after the score (NULL last). */
  readonly monetary: number | null;
}

/** What quota tiering needs to know of a customer. */
export interface RankInput extends RankKey {
  /** Value of the scope attribute (city, customer_type), or null; ignored when scope = all. */
  readonly scopeKey: string | null;
  /** False for customers without an order in the long window: left out of the ranking. */
  readonly active: boolean;
}

/** The tier the rules give this run, before hysteresis and overrides. */
export interface RuleTier {
  readonly customerId: string;
  /** 1-based position within the scope; null when inactive. */
  readonly position: number | null;
  /** Ranked customers in the scope; null when inactive. */
  readonly scopeSize: number | null;
  /** (position − 1) / n: 0 = best. */
  readonly rankPct: number | null;
  /** null when excluded as inactive. */
  readonly tier: Tier | null;
  readonly reason: Extract<TierReason, 'quota' | 'min_score' | 'inactive'>;
}

/** A customer's rank input: active when it ordered in the long window (orders neither NULL nor 0). */
export const rankInputOf = (v: FeatureVector, score: number, scope: TiersConfig['scope']): RankInput => ({
  customerId: v.customerId,
  score,
  monetary: v.monetary,
  scopeKey: scope === 'all' ? null : v[scope],
  active: (v.orders ?? 0) !== 0,
});

/** Binary string order, as the engines compare VARCHAR. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Ranking order: score desc, monetary desc with NULL last, customer_id asc. */
export function compareRank(a: RankKey, b: RankKey): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.monetary !== b.monetary) {
    if (a.monetary === null) return 1;
    if (b.monetary === null) return -1;
    return b.monetary - a.monetary;
  }
  return compareText(a.customerId, b.customerId);
}

/** Customers per quota tier for n ranked customers: cumulative round-half-up counts. */
export function quotaCounts(
  n: number,
  quotas: TiersConfig['quotas'],
): readonly [number, number, number, number] {
  const [, p, pg, pgs] = quotaEdges(quotas);
  const cum = (edge: number) => Math.floor((n * edge) / 100 + 0.5);
  const [c1, c2, c3] = [cum(p), cum(pg), cum(pgs)];
  return [c1, c2 - c1, c3 - c2, n - c3];
}

/** The quota tier of a 1-based position among n. */
export function quotaTier(position: number, n: number, quotas: TiersConfig['quotas']): Tier {
  const [, p, pg, pgs] = quotaEdges(quotas);
  const cum = (edge: number) => Math.floor((n * edge) / 100 + 0.5);
  if (position <= cum(p)) return 'platinum';
  if (position <= cum(pg)) return 'gold';
  if (position <= cum(pgs)) return 'silver';
  return 'bronze';
}

/** The highest tier at or below `tier` whose minimum score `score` meets (bronze has none). */
export function applyMinScore(tier: Tier, score: number, minScore: TiersConfig['minScore']): Tier {
  for (const t of TIERS.slice(TIERS.indexOf(tier))) {
    if (t === 'bronze') return t;
    const min = minScore[t];
    if (min === undefined || score >= min) return t;
  }
  return 'bronze';
}

/** Ranks active customers within their scope and gives each the quota tier, then applies minScore. */
export function ruleTiers(customers: readonly RankInput[], tiers: TiersConfig): RuleTier[] {
  const scopes = new Map<string | null, RankInput[]>();
  for (const c of customers) {
    if (!c.active) continue;
    const key = tiers.scope === 'all' ? null : c.scopeKey;
    const list = scopes.get(key) ?? [];
    list.push(c);
    scopes.set(key, list);
  }
  const ranked = new Map<string, RuleTier>();
  for (const list of scopes.values()) {
    list.sort(compareRank);
    list.forEach((c, i) => ranked.set(c.customerId, rankedTier(c, i + 1, list.length, tiers)));
  }
  return customers.map((c) => ranked.get(c.customerId) ?? inactiveTier(c.customerId, tiers));
}

/** The rule tier of a customer ranked at a 1-based position among n: its quota tier, lowered by minScore. */
export function rankedTier(
  c: Pick<RankInput, 'customerId' | 'score'>,
  position: number,
  n: number,
  tiers: TiersConfig,
): RuleTier {
  const quota = quotaTier(position, n, tiers.quotas);
  const tier = applyMinScore(quota, c.score, tiers.minScore);
  return {
    customerId: c.customerId,
    position,
    scopeSize: n,
    rankPct: (position - 1) / n,
    tier,
    reason: tier === quota ? 'quota' : 'min_score',
  };
}

/** The rule tier of an inactive customer: unranked, bronze or excluded as configured. */
export const inactiveTier = (customerId: string, tiers: TiersConfig): RuleTier => ({
  customerId,
  position: null,
  scopeSize: null,
  rankPct: null,
  tier: tiers.inactive === 'bronze' ? 'bronze' : null,
  reason: 'inactive',
});
