import { z } from 'zod';
import { IsoDateSchema } from '../time/iso-date.js';

/** Days of the profile's window when none are asked for: the year up to the as-of date. */
export const PROFILE_DEFAULT_DAYS = 365;
/** The narrowest and the widest window a profile may span (a week, ten years). */
export const PROFILE_MIN_DAYS = 7;
export const PROFILE_MAX_DAYS = 3650;
/** Peers needed at a level before the profile settles on it; below, it widens to the next level. */
export const PEER_MINIMUM = 20;

/**
 * Peer groups from the narrowest to the widest: same cuisine, seat band and district; same cuisine, seat band
 * and city; same cuisine anywhere.
 */
export const PEER_LEVELS = ['district', 'city', 'cuisine'] as const;
export type PeerLevel = (typeof PEER_LEVELS)[number];

/** Scale of a restaurant by its seats: small below 50, medium below 100, large from 100; unknown without seats. */
export const SEAT_BANDS = [
  { band: 'small', below: 50 },
  { band: 'medium', below: 100 },
  { band: 'large', below: null },
] as const;
export const SEAT_BAND_NAMES = ['small', 'medium', 'large', 'unknown'] as const;
export type SeatBand = (typeof SEAT_BAND_NAMES)[number];

/** What a profile is asked for: the customer's purchases in the `days` days ending on `asOf`. */
export const ProfileOptionsSchema = z.object({
  asOf: IsoDateSchema,
  days: z.number().int().min(PROFILE_MIN_DAYS).max(PROFILE_MAX_DAYS).default(PROFILE_DEFAULT_DAYS),
});
export type ProfileOptions = z.input<typeof ProfileOptionsSchema>;

/** A share of the net amount (or of the lines), 0–1; differences between shares are in the same unit (0.18 = 18 points). */
const Share = z.number();

export const CategoryShareSchema = z.object({
  category: z.string(),
  /** Net amount in the window, yuan. */
  amount: z.number(),
  /** Share of the customer's net amount in the window; null when they bought nothing in it. */
  share: Share.nullable(),
  /** Share in the window of the same length just before; null when they bought nothing then. */
  sharePrevious: Share.nullable(),
  /** share − sharePrevious (0.05 = up 5 points); null when either is null. */
  trend: Share.nullable(),
  /** The peers' mean share (each peer weighs the same); null without peers. */
  peerShare: Share.nullable(),
  /** share − peerShare; null when either is null. */
  differenceFromPeers: Share.nullable(),
});
export type CategoryShare = z.infer<typeof CategoryShareSchema>;

export const FavouriteSkuSchema = z.object({
  sku: z.string(),
  category: z.string(),
  /** Net amount in the window, yuan. */
  amount: z.number(),
  /** Orders with the SKU in the window. */
  orders: z.number().int(),
  quantity: z.number(),
  /** Day of the last order with the SKU (business time zone). */
  lastBought: IsoDateSchema,
});
export type FavouriteSku = z.infer<typeof FavouriteSkuSchema>;

export const RhythmSchema = z.object({
  /** Share of the orders placed on each weekday, Monday first (7 values; all 0 without orders). */
  byWeekday: z.array(Share).length(7),
  /** Share of the orders placed in each hour of the day, 0–23 (24 values), business time zone. */
  byHour: z.array(Share).length(24),
  /** Median days between consecutive days with orders; null with fewer than two such days. */
  typicalIntervalDays: z.number().nullable(),
  /** Third minus first quartile of those gaps, days; null with fewer than two such days. */
  intervalIqr: z.number().nullable(),
});

export const BasketSchema = z.object({
  /** Per order; null without orders. */
  avgLines: z.number().nullable(),
  /** Net amount per order, yuan; null without orders. */
  avgAmount: z.number().nullable(),
  avgDistinctCategories: z.number().nullable(),
  /** The peers' mean of their own average order amount; null without peers. */
  peerAvgAmount: z.number().nullable(),
});

export const PriceSensitivitySchema = z.object({
  /** Lines with a discount among all lines; null without lines. */
  discountedLineShare: Share.nullable(),
  /** Net amount of discounted lines in the net amount; null without purchases. */
  discountedAmountShare: Share.nullable(),
  /** The peers' mean discountedAmountShare; null without peers. */
  peerDiscountedAmountShare: Share.nullable(),
});

export const PeersSchema = z.object({
  /** The narrowest level with at least `minimum` peers (the widest, cuisine, when none has). */
  level: z.enum(PEER_LEVELS),
  /**
   * Peers at that level: the other surviving customers of the cuisine with completed orders in the window. The
   * peers' means are over those of them whose orders have lines (all of them when every order has lines).
   */
  count: z.number().int(),
  minimum: z.number().int(),
  cuisine: z.string().nullable(),
  seatBand: z.enum(SEAT_BAND_NAMES),
  city: z.string(),
  district: z.string(),
  /** The peers' mean number of orders in the window; null without peers. */
  avgOrders: z.number().nullable(),
  /** Peers at every level, to show how far the profile had to widen. */
  counts: z.object({ district: z.number().int(), city: z.number().int(), cuisine: z.number().int() }),
});
export type Peers = z.infer<typeof PeersSchema>;

export const NOTABLE_KINDS = ['category_share', 'discount_share', 'basket_amount', 'order_count'] as const;
export type NotableKind = (typeof NOTABLE_KINDS)[number];

/**
 * A way the customer differs from its peers, for the CLI and dashboard to phrase in either language: a category's
 * share or the discounted share (value and peerValue 0–1), the average order amount (yuan) or the orders in the
 * window (count; the peers' mean).
 */
export const NotableDifferenceSchema = z.object({
  kind: z.enum(NOTABLE_KINDS),
  category: z.string().optional(),
  value: z.number(),
  peerValue: z.number(),
});
export type NotableDifference = z.infer<typeof NotableDifferenceSchema>;

/** `stratum profile --json` and GET /api/v1/customers/{id}/profile (a contract: add fields, never rename). */
export const PurchaseProfileSchema = z.object({
  customerId: z.string(),
  /** The id asked for when cleaning merged it into `customerId`. */
  mergedFrom: z.string().nullable(),
  asOf: IsoDateSchema,
  window: z.object({ days: z.number().int(), from: IsoDateSchema, to: IsoDateSchema }),
  /** Completed orders (with lines) in the window, after cleaning. */
  orders: z.number().int(),
  lines: z.number().int(),
  /** Net amount of the lines (quantity × unit price − discount, before refunds), yuan. */
  netAmount: z.number(),
  /** By share, largest first; a category only the peers or only the previous window bought has share 0. */
  categories: z.array(CategoryShareSchema),
  /** The 10 SKUs of the largest net amount. */
  favouriteSkus: z.array(FavouriteSkuSchema),
  rhythm: RhythmSchema,
  basket: BasketSchema,
  priceSensitivity: PriceSensitivitySchema,
  peers: PeersSchema,
  /** The largest differences from the peers, most notable first (at most 5). */
  notable: z.array(NotableDifferenceSchema),
});
export type PurchaseProfile = z.infer<typeof PurchaseProfileSchema>;
