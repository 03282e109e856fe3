import type { CustomerScope } from '../../contracts/access/principal.js';
import { stratumError } from '../../contracts/errors.js';
import { PEER_MINIMUM, type PurchaseProfile } from '../../contracts/profiles/purchase-profile.js';
import { categoryShares } from '../../domain/profiles/category-shares.js';
import { notableDifferences } from '../../domain/profiles/notable-differences.js';
import { orderTimeShares } from '../../domain/profiles/order-rhythm.js';
import { peerLevel } from '../../domain/profiles/peer-level.js';
import { profileWindow } from '../../domain/profiles/profile-window.js';
import type { Engine } from '../../engines/engine.js';
import { categoryAmountsSql } from '../../sql/profiles/category-amounts-sql.js';
import { favouriteSkusSql } from '../../sql/profiles/favourite-skus-sql.js';
import { orderStatsSql } from '../../sql/profiles/order-stats-sql.js';
import { peerCountsSql } from '../../sql/profiles/peer-counts-sql.js';
import { profileSubjectSql } from '../../sql/profiles/profile-subject-sql.js';
import { orderGapsSql, orderTimesSql } from '../../sql/profiles/rhythm-sql.js';
import { survivorOfSql } from '../../sql/tiering/explain.js';
import {
  CategoryRowSchema,
  GapsRowSchema,
  OrderStatsRowSchema,
  OrderTimeRowSchema,
  PeerCountsRowSchema,
  SkuRowSchema,
  SubjectRowSchema,
  type OrderStatsRow,
} from './profile-rows.js';

export interface PurchaseProfileRequest {
  readonly customerId: string;
  /** Last day of the window (YYYY-MM-DD, business time zone). */
  readonly asOf: string;
  /** Days of the window (default PROFILE_DEFAULT_DAYS). */
  readonly days?: number | undefined;
  /** The customers the caller may see (default: all); any other is NOT_FOUND, like one that does not exist. */
  readonly scope?: CustomerScope;
}

const cents = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

/**
 * A customer's purchases in the window from its order lines — categories and their trend, favourite SKUs, order
 * rhythm, basket, discounts — beside its peers' (same cuisine, seat band and district, widened to the city and
 * then the cuisine when fewer than PEER_MINIMUM), every figure aggregated in the engine. A merged duplicate id is
 * answered through its survivor.
 */
export async function purchaseProfile(engine: Engine, r: PurchaseProfileRequest): Promise<PurchaseProfile> {
  const window = profileWindow({ asOf: r.asOf, days: r.days });
  const d = engine.dialect;
  const [merge] = await engine.read(survivorOfSql(d, r.customerId));
  const customerId = merge ? String(merge.survivor_id) : r.customerId;
  const [subjectRow] = await engine.read(profileSubjectSql(d, customerId, r.scope ?? { kind: 'all' }));
  if (!subjectRow)
    throw stratumError('NOT_FOUND', `no customer ${r.customerId}`, { what: 'customer', id: r.customerId });
  const subject = SubjectRowSchema.parse(subjectRow);

  const counts = PeerCountsRowSchema.parse((await engine.read(peerCountsSql(d, customerId, window)))[0]);
  const level = peerLevel(counts, PEER_MINIMUM);
  const input = { customerId, days: window, level };
  const [categoryRows, statsRows, timeRows, gapRows, skuRows] = await Promise.all([
    engine.read(categoryAmountsSql(d, input)),
    engine.read(orderStatsSql(d, input)),
    engine.read(orderTimesSql(d, customerId, window)),
    engine.read(orderGapsSql(d, customerId, window)),
    engine.read(favouriteSkusSql(d, customerId, window)),
  ]);
  const peerCount = counts[level];
  const categories = categoryShares(
    categoryRows.map((row) => CategoryRowSchema.parse(row)),
    peerCount,
  );
  const stats = statsRows.map((row) => OrderStatsRowSchema.parse(row));
  const own = stats.find((s) => s.who === 'subject');
  const peers: OrderStatsRow | undefined = peerCount > 0 ? stats.find((s) => s.who === 'peers') : undefined;
  const gaps = GapsRowSchema.parse(gapRows[0]);
  const orders = own?.orders ?? 0;

  return {
    customerId,
    mergedFrom: merge ? r.customerId : null,
    asOf: window.to,
    window: { days: window.days, from: window.from, to: window.to },
    orders,
    lines: own?.lines ?? 0,
    netAmount: cents(own?.value ?? 0) ?? 0,
    categories: categories.map((c) => ({ ...c, amount: cents(c.amount) ?? 0 })),
    favouriteSkus: skuRows.map((row) => {
      const sku = SkuRowSchema.parse(row);
      return { ...sku, amount: cents(sku.amount) ?? 0 };
    }),
    rhythm: {
      ...orderTimeShares(timeRows.map((row) => OrderTimeRowSchema.parse(row))),
      typicalIntervalDays: gaps.median,
      intervalIqr: gaps.q1 === null || gaps.q3 === null ? null : gaps.q3 - gaps.q1,
    },
    basket: {
      avgLines: own?.avg_lines ?? null,
      avgAmount: cents(own?.avg_amount ?? null),
      avgDistinctCategories: own?.avg_categories ?? null,
      peerAvgAmount: cents(peers?.avg_amount ?? null),
    },
    priceSensitivity: {
      discountedLineShare: own?.discounted_line_share ?? null,
      discountedAmountShare: own?.discounted_amount_share ?? null,
      peerDiscountedAmountShare: peers?.discounted_amount_share ?? null,
    },
    peers: {
      level,
      count: peerCount,
      minimum: PEER_MINIMUM,
      cuisine: subject.cuisine,
      seatBand: subject.seat_band,
      city: subject.city,
      district: subject.district,
      avgOrders: peers?.orders ?? null,
      counts,
    },
    notable: notableDifferences({
      categories,
      discountedAmountShare: own?.discounted_amount_share ?? null,
      peerDiscountedAmountShare: peers?.discounted_amount_share ?? null,
      avgAmount: cents(own?.avg_amount ?? null),
      peerAvgAmount: cents(peers?.avg_amount ?? null),
      orders,
      peerOrders: peers?.orders ?? null,
    }),
  };
}
