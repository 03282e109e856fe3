import { PEER_LEVELS, type PeerGroup, type PeerLevel } from '../../contracts/recommendations/peer-groups.js';
import type {
  Recommendation,
  RecommendationSettings,
} from '../../contracts/recommendations/recommendations.js';
import { groupKey, type AdoptionLevel, type PeerAdoption, type PeerAttributes } from './peer-adoption.js';

/** What is known of the customer a list is made for. */
export interface CustomerBasket {
  readonly attributes: PeerAttributes;
  /** Bought in the lookback window, and so counted among the customers of its own groups (taken out again here). */
  readonly active: boolean;
  /** Every SKU the customer bought up to the as-of date: never recommended. */
  readonly bought: ReadonlySet<string>;
}

export interface PeerRanking {
  readonly peers: (PeerGroup & { readonly count: number }) | null;
  readonly recommendations: Recommendation[];
}

/** The levels from everywhere down to `level`: the order in which the shrinkage refines the prior. */
const widestFirstTo = (level: PeerLevel): PeerLevel[] =>
  [...PEER_LEVELS].reverse().slice(0, PEER_LEVELS.length - PEER_LEVELS.indexOf(level));

function peersAt(level: AdoptionLevel, c: CustomerBasket, adoption: PeerAdoption): number {
  const n = adoption.sizes.get(groupKey(level, c.attributes)) ?? 0;
  return Math.max(0, n - (c.active ? 1 : 0));
}

/**
 * The narrowest level (district, city, everywhere) with at least `minPeers` peers besides the customer; else the
 * widest level if it has any peer; else null.
 */
export function choosePeerLevel(
  c: CustomerBasket,
  adoption: PeerAdoption,
  minPeers: number,
): { level: PeerLevel; count: number } | null {
  for (const level of PEER_LEVELS) {
    const count = peersAt(level, c, adoption);
    if (count >= minPeers) return { level, count };
  }
  const count = peersAt('cuisine', c, adoption);
  return count >= 1 ? { level: 'cuisine', count } : null;
}

/**
 * The SKUs the customer's peers buy and the customer never has, best first (docs/recommendations.md): a SKU's
 * score starts at its popularity prior p (share of all active customers who bought it) and is refined level by
 * level down to the chosen one, s ← (b + m·s) / (n + m) with b buyers among n peers of the level and m =
 * priorPeers pseudo-peers, so that a share measured on a few peers counts for little. Only SKUs bought by at least
 * one peer of the chosen level are candidates (each has a reason to cite). Ties: more peer buyers, then SKU code.
 *
 * Why not a library: the counts come from the engine (push-down) and what remains is this weighted average; the
 * recommender packages on npm build user × item matrices in memory, which is what the push-down avoids.
 */
export function rankByPeers(
  c: CustomerBasket,
  adoption: PeerAdoption,
  settings: Pick<RecommendationSettings, 'minPeers' | 'priorPeers'>,
  limit: number,
): PeerRanking {
  const chosen = choosePeerLevel(c, adoption, settings.minPeers);
  if (!chosen) return { peers: null, recommendations: [] };
  const a = c.attributes;
  const area = { district: a.district, city: a.city, cuisine: null }[chosen.level];
  const peers = {
    level: chosen.level,
    cuisine: a.cuisine,
    scaleBand: a.scaleBand,
    city: chosen.level === 'cuisine' ? null : a.city,
    district: chosen.level === 'district' ? a.district : null,
    count: chosen.count,
  };
  const everyone = peersAt('all', c, adoption);
  const allBuyers = adoption.buyers.get(groupKey('all', a));
  // Widest first, each level's peers and buyers looked up once.
  const levels = widestFirstTo(chosen.level).map((level) => ({
    n: peersAt(level, c, adoption),
    buyers: adoption.buyers.get(groupKey(level, a)),
  }));
  const m = settings.priorPeers;
  const candidates = [...(adoption.buyers.get(groupKey(chosen.level, a)) ?? new Map<string, number>())]
    .filter(([sku, buyers]) => buyers > 0 && !c.bought.has(sku))
    .map(([sku, buyers]) => {
      const prior = everyone > 0 ? (allBuyers?.get(sku) ?? 0) / everyone : 0;
      let score = prior;
      for (const level of levels)
        if (level.n + m > 0) score = ((level.buyers?.get(sku) ?? 0) + m * score) / (level.n + m);
      return { sku, buyers, prior, score };
    })
    .sort((x, y) => y.score - x.score || y.buyers - x.buyers || (x.sku < y.sku ? -1 : x.sku > y.sku ? 1 : 0));
  const recommendations = candidates.slice(0, limit).map((r, i): Recommendation => {
    const category = adoption.categories.get(r.sku) ?? '';
    return {
      rank: i + 1,
      sku: r.sku,
      category,
      score: r.score,
      priorShare: r.prior,
      reason: {
        level: chosen.level,
        area,
        city: peers.city,
        cuisine: a.cuisine,
        scaleBand: a.scaleBand,
        peerCount: chosen.count,
        peerBuyers: r.buyers,
        peerShare: Math.min(1, r.buyers / chosen.count),
        sku: r.sku,
        category,
      },
    };
  });
  return { peers, recommendations };
}
