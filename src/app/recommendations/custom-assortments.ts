import type { CustomerScope } from '../../contracts/access/principal.js';
import {
  RecommendationSettingsSchema,
  type AssortmentRow,
  type RecommendationSettings,
} from '../../contracts/recommendations/recommendations.js';
import type { Tier } from '../../contracts/tiering/tiers.js';
import { rankByPeers } from '../../domain/recommendations/rank-by-peers.js';
import type { Engine } from '../../engines/engine.js';
import { runOf } from '../customers/run-of.js';
import { loadPeerAdoption, loadTargets } from './load-baskets.js';

export interface CustomAssortmentRequest {
  readonly tiers: readonly Tier[];
  /** Default the latest run. */
  readonly runId?: string | undefined;
  /** SKUs per customer. */
  readonly limit: number;
  readonly settings?: Partial<RecommendationSettings> | undefined;
  readonly scope: CustomerScope;
}

export interface CustomAssortments {
  readonly runId: string;
  /** The run's as-of date: the history the lists are made from ends that day. */
  readonly asOf: string;
  readonly customers: number;
  readonly rows: AssortmentRow[];
}

/**
 * The custom-assortment lists of a run's customers of the given tiers (a branch by its chain's tier when the run
 * tiered chains), within the caller's scope: each customer's top SKUs with their reasons, from the history up to
 * the run's as-of date. Peer counts are computed once for all of them.
 */
export async function customAssortments(
  engine: Engine,
  r: CustomAssortmentRequest,
): Promise<CustomAssortments> {
  const settings = RecommendationSettingsSchema.parse(r.settings ?? {});
  const run = await runOf(engine, r.runId);
  const window = { asOf: run.asOf, lookbackDays: settings.lookbackDays };
  const targets = { kind: 'tiers', runId: run.runId, tiers: r.tiers, scope: r.scope } as const;
  const [customers, adoption] = await Promise.all([
    loadTargets(engine, window, targets),
    loadPeerAdoption(engine, window, targets, settings.minPeers),
  ]);
  const rows = customers.flatMap((c) =>
    rankByPeers(c, adoption, settings, r.limit).recommendations.map((rec): AssortmentRow => ({
      customerId: c.customerId,
      name: c.name,
      tier: c.tier ?? '',
      customAssortment: c.customAssortment,
      rank: rec.rank,
      sku: rec.sku,
      category: rec.category,
      peerShare: rec.reason.peerShare,
      reason: rec.reason,
    })),
  );
  return { runId: run.runId, asOf: run.asOf, customers: customers.length, rows };
}
