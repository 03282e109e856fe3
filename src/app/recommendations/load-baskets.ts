import { ScaleBandSchema } from '../../contracts/recommendations/peer-groups.js';
import type { Engine } from '../../engines/engine.js';
import {
  peerAdoption,
  type AdoptionLevel,
  type PeerAdoption,
  type PeerAttributes,
} from '../../domain/recommendations/peer-adoption.js';
import type { CustomerBasket } from '../../domain/recommendations/rank-by-peers.js';
import { targetCustomersSql, targetSkusSql } from '../../sql/recommendations/customer-baskets-sql.js';
import { peerAdoptionSql, type AdoptionWindow } from '../../sql/recommendations/peer-adoption-sql.js';
import type { RecommendationTargets } from '../../sql/recommendations/targets-sql.js';
import type { Row } from '../../engines/engine.js';

/** A target customer: its basket for the ranking, with the name, tier and policy the export lists. */
export interface TargetCustomer extends CustomerBasket {
  readonly customerId: string;
  readonly name: string | null;
  readonly tier: string | null;
  readonly customAssortment: boolean | null;
}

const attributesOf = (r: Row): PeerAttributes => ({
  cuisine: String(r.cuisine),
  scaleBand: ScaleBandSchema.parse(r.scale_band),
  city: String(r.city),
  district: String(r.district),
});

/** The peer counts the targets' rankings need, counted in the engine over the window. */
export async function loadPeerAdoption(
  engine: Engine,
  window: AdoptionWindow,
  targets: RecommendationTargets,
  minPeers: number,
): Promise<PeerAdoption> {
  const rows = await engine.read(peerAdoptionSql(engine.dialect, window, targets, minPeers));
  const group = (r: Row) => ({ ...attributesOf(r), level: r.level as AdoptionLevel });
  return peerAdoption(
    rows.filter((r) => r.sku === null).map((r) => ({ ...group(r), customers: Number(r.n) })),
    rows
      .filter((r) => r.sku !== null)
      .map((r) => ({ ...group(r), sku: String(r.sku), category: String(r.category), buyers: Number(r.n) })),
  );
}

/** The target customers with their attributes, activity in the window and every SKU bought up to the as-of date. */
export async function loadTargets(
  engine: Engine,
  window: AdoptionWindow,
  targets: RecommendationTargets,
): Promise<TargetCustomer[]> {
  const d = engine.dialect;
  const [customers, skus] = await Promise.all([
    engine.read(targetCustomersSql(d, targets)),
    engine.read(targetSkusSql(d, window, targets)),
  ]);
  const bought = new Map<string, Set<string>>();
  const active = new Set<string>();
  for (const r of skus) {
    const id = String(r.customer_id);
    let set = bought.get(id);
    if (!set) bought.set(id, (set = new Set()));
    set.add(String(r.sku));
    if (Number(r.in_window) === 1) active.add(id);
  }
  return customers.map((r) => ({
    customerId: String(r.customer_id),
    name: r.name === null || r.name === undefined ? null : String(r.name),
    tier: r.tier === null || r.tier === undefined ? null : String(r.tier),
    customAssortment:
      r.custom_assortment === null || r.custom_assortment === undefined ? null : Boolean(r.custom_assortment),
    attributes: attributesOf(r),
    active: active.has(String(r.customer_id)),
    bought: bought.get(String(r.customer_id)) ?? new Set(),
  }));
}
