import type { RankingMetrics } from '../../contracts/recommendations/recommendations.js';

/** One customer's list against the SKUs they bought for the first time in the holdout (at least one). */
export interface HoldoutCase {
  readonly recommended: readonly string[];
  readonly firstBought: ReadonlySet<string>;
}

/**
 * Top-`k` lists scored against what followed, averaged over the customers: hit rate = share with at least one
 * recommended SKU among their new SKUs; recall@k = hits / new SKUs; precision@k = hits / k. A list longer than k
 * counts its first k only; a shorter one still divides by k.
 */
export function rankingMetrics(cases: readonly HoldoutCase[], k: number): RankingMetrics {
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`expected k ≥ 1, got ${k}`);
  let hit = 0;
  let recall = 0;
  let precision = 0;
  let hits = 0;
  for (const c of cases) {
    if (c.firstBought.size === 0)
      throw new Error('a holdout case needs at least one SKU bought for the first time');
    const h = c.recommended.slice(0, k).filter((sku) => c.firstBought.has(sku)).length;
    hits += h;
    if (h > 0) hit++;
    recall += h / c.firstBought.size;
    precision += h / k;
  }
  const n = cases.length;
  return n === 0
    ? { hitRate: 0, recallAtK: 0, precisionAtK: 0, hits: 0 }
    : { hitRate: hit / n, recallAtK: recall / n, precisionAtK: precision / n, hits };
}
