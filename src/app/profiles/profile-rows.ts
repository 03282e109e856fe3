import { z } from 'zod';
import { SEAT_BAND_NAMES } from '../../contracts/profiles/purchase-profile.js';

// The rows of the profile statements (src/sql/profiles), parsed before use.

const count = z.number().int();
/**
 * A sum of line values or quantities (at most 5 decimals each), to 6 decimals: exact, whatever order the engine
 * added in (DuckDB adds in parallel, so the last bits of a double sum vary from one run to the next).
 */
const amount = z.number().transform((x) => Math.round(x * 1e6) / 1e6);
/** A mean or ratio the engine computed in floating point, to 9 decimals: the same on every run and engine. */
const maybe = z
  .number()
  .nullable()
  .transform((x) => (x === null ? null : Math.round(x * 1e9) / 1e9));

export const SubjectRowSchema = z.object({
  customer_id: z.string(),
  cuisine: z.string().nullable(),
  seat_band: z.enum(SEAT_BAND_NAMES),
  city: z.string(),
  district: z.string(),
});

export const PeerCountsRowSchema = z.object({ district: count, city: count, cuisine: count });

export const CategoryRowSchema = z
  .object({ category: z.string(), amount, amount_previous: amount, peer_share: maybe })
  .transform((r) => ({
    category: r.category,
    amount: r.amount,
    amountPrevious: r.amount_previous,
    peerShare: r.peer_share,
  }));

export const OrderStatsRowSchema = z.object({
  who: z.enum(['subject', 'peers']),
  orders: maybe,
  lines: maybe,
  value: maybe,
  avg_lines: maybe,
  avg_amount: maybe,
  avg_categories: maybe,
  discounted_line_share: maybe,
  discounted_amount_share: maybe,
});
export type OrderStatsRow = z.infer<typeof OrderStatsRowSchema>;

export const OrderTimeRowSchema = z.object({ weekday: count, hour: count, orders: count });

export const GapsRowSchema = z.object({ gaps: count, q1: maybe, median: maybe, q3: maybe });

export const SkuRowSchema = z
  .object({
    sku: z.string(),
    category: z.string(),
    amount,
    orders: count,
    quantity: amount,
    last_bought: z.string(),
  })
  .transform((r) => ({
    sku: r.sku,
    category: r.category,
    amount: r.amount,
    orders: r.orders,
    quantity: r.quantity,
    lastBought: r.last_bought,
  }));
