import {
  RecommendationSettingsSchema,
  type RecommendationEvaluation,
  type RecommendationSettings,
} from '../../contracts/recommendations/recommendations.js';
import { addDays } from '../../contracts/time/iso-date.js';
import { popularityOrder, topUnbought } from '../../domain/recommendations/popularity.js';
import { rankByPeers } from '../../domain/recommendations/rank-by-peers.js';
import { rankingMetrics } from '../../domain/recommendations/ranking-metrics.js';
import type { Engine } from '../../engines/engine.js';
import { firstPurchasesSql } from '../../sql/recommendations/customer-baskets-sql.js';
import { lineSpan } from '../forecast/line-span.js';
import { loadPeerAdoption, loadTargets } from './load-baskets.js';

export interface EvaluateRecommendationsRequest {
  /** Last day of the holdout; default the last day with order lines up to `latest`. */
  readonly asOf?: string | undefined;
  readonly latest: string;
  readonly holdoutWeeks: number;
  /** List length scored (recall@k, precision@k). */
  readonly k: number;
  readonly settings?: Partial<RecommendationSettings> | undefined;
}

/** One evaluated customer: both lists, made from the history up to the cutoff, and what they bought new after. */
export interface EvaluatedCustomer {
  readonly customerId: string;
  readonly peerBased: readonly string[];
  readonly popularity: readonly string[];
  readonly firstBought: ReadonlySet<string>;
}

/**
 * Offline evaluation (docs/recommendations.md): hide the last `holdoutWeeks` weeks, make each customer's top-k
 * from the history up to the cutoff only (peers, their counts and the customer's own purchases), and score it
 * against the SKUs the customer bought for the first time in the holdout, beside the popularity baseline made
 * from the same history with the same candidate rule. Customers evaluated: those with at least one such SKU.
 */
export async function evaluateRecommendations(
  engine: Engine,
  r: EvaluateRecommendationsRequest,
): Promise<{ evaluation: RecommendationEvaluation; customers: EvaluatedCustomer[] }> {
  const started = performance.now();
  const settings = RecommendationSettingsSchema.parse(r.settings ?? {});
  const asOf = r.asOf ?? (await lineSpan(engine, r.latest)).lastDay;
  const cutoff = addDays(asOf, -7 * r.holdoutWeeks);
  const window = { asOf: cutoff, lookbackDays: settings.lookbackDays };
  const targets = { kind: 'first_buyers', cutoff, asOf } as const;
  const [baskets, adoption, firsts] = await Promise.all([
    loadTargets(engine, window, targets),
    loadPeerAdoption(engine, window, targets, settings.minPeers),
    engine.read(firstPurchasesSql(engine.dialect, cutoff, asOf)),
  ]);
  const firstBought = new Map<string, Set<string>>();
  for (const f of firsts) {
    const id = String(f.customer_id);
    let set = firstBought.get(id);
    if (!set) firstBought.set(id, (set = new Set()));
    set.add(String(f.sku));
  }
  const popular = popularityOrder(adoption);
  const peerLevels = { district: 0, city: 0, cuisine: 0, none: 0 };
  const customers = baskets.map((c): EvaluatedCustomer => {
    const ranking = rankByPeers(c, adoption, settings, r.k);
    peerLevels[ranking.peers?.level ?? 'none']++;
    return {
      customerId: c.customerId,
      peerBased: ranking.recommendations.map((x) => x.sku),
      popularity: topUnbought(popular, c.bought, r.k),
      firstBought: firstBought.get(c.customerId) ?? new Set(),
    };
  });
  const peerBased = rankingMetrics(
    customers.map((c) => ({ recommended: c.peerBased, firstBought: c.firstBought })),
    r.k,
  );
  const popularity = rankingMetrics(
    customers.map((c) => ({ recommended: c.popularity, firstBought: c.firstBought })),
    r.k,
  );
  return {
    evaluation: {
      asOf,
      cutoff,
      holdoutWeeks: r.holdoutWeeks,
      k: r.k,
      settings,
      customers: customers.length,
      newSkus: customers.reduce((n, c) => n + c.firstBought.size, 0),
      peerLevels,
      peerBased,
      popularity,
      recallRatio: popularity.recallAtK > 0 ? peerBased.recallAtK / popularity.recallAtK : null,
      durationMs: Math.round(performance.now() - started),
    },
    customers,
  };
}
