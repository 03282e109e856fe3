import { utf8 } from './byte-sink.js';
import { CATEGORIES, SKUS_BY_CATEGORY } from './catalogue.js';
import type { CuisineDef } from './cuisines.js';
import type { OrderDraft } from './order-draft.js';
import type { Behaviour } from './profile.js';
import { cumulative, type Rng } from './prng.js';
import { T, type RowBuffer } from './row-buffer.js';
import { drawSku } from './sku-preferences.js';

/** Lines per order, 1…6. */
const LINE_COUNTS = cumulative([30, 28, 20, 12, 6, 4]);
const DISCOUNTED_SHARE = 0.12;
const FAVOURITE_SHARE = 0.8;
const CATEGORY_BYTES = CATEGORIES.map(utf8);
const EMPTY = new Uint8Array(0);

/** Order ids are SO + customer digits + "-" + a sequence number of this many digits. */
export const ORDER_SEQ_DIGITS = 5;

export function orderIdText(customerNumber: string, seq: number): string {
  return `SO${customerNumber}-${String(seq).padStart(ORDER_SEQ_DIGITS, '0')}`;
}

/** An order id as bytes: the account's prefix (SO000123-) and the sequence number. */
export interface OrderRef {
  readonly prefix: Uint8Array;
  readonly seq: number;
}

const shares = new Float64Array(6);
const chosen: string[] = [];

/**
 * Prices the order line by line and returns its amount in cents: Σ(quantity × unit_price − discount).
 * Lines are written to `out` when given; the random draws are the same either way, so an account's
 * history does not depend on which account is being written.
 */
export function writeLines(
  rng: Rng,
  order: OrderDraft,
  b: Behaviour,
  cuisine: CuisineDef,
  id: OrderRef,
  out: RowBuffer | null,
): number {
  if (order.brushSku) {
    const sku = order.brushSku;
    const discount = Math.round(sku.priceCents * rng.range(0, 0.03));
    out
      ?.row(T.orderLines)
      .bytes(id.prefix)
      .int(id.seq, ORDER_SEQ_DIGITS)
      .ascii(',1,')
      .ascii(sku.code)
      .comma()
      .bytes(CATEGORY_BYTES[sku.category] ?? EMPTY)
      .ascii(',1,')
      .money(sku.priceCents)
      .comma()
      .money(discount)
      .end();
    return sku.priceCents - discount;
  }
  const lines = 1 + rng.fromCumulative(LINE_COUNTS);
  let total = 0;
  for (let k = 0; k < lines; k++) {
    const share = 0.4 + rng.next();
    shares[k] = share;
    total += share;
  }
  chosen.length = 0;
  let amount = 0;
  for (let k = 0; k < lines; k++) {
    const category = rng.fromCumulative(cuisine.basketCumulative);
    const skus = SKUS_BY_CATEGORY[category] ?? [];
    // Otherwise a SKU the cuisine's kitchens tend to use (one draw either way).
    let pick = rng.chance(FAVOURITE_SHARE)
      ? rng.pick(b.favourites[category] ?? [0])
      : drawSku(rng, cuisine.skuCumulative, category);
    let sku = skus[pick];
    for (let tries = 0; sku && chosen.includes(sku.code) && tries < skus.length; tries++) {
      pick = (pick + 1) % skus.length;
      sku = skus[pick];
    }
    if (!sku) continue;
    chosen.push(sku.code);
    const target = (order.targetCents * (shares[k] as number)) / total;
    let gross: number;
    let whole: number;
    let half = false;
    if (sku.weighed) {
      const halves = Math.max(1, Math.round((2 * target) / sku.priceCents));
      gross = (halves * sku.priceCents) / 2;
      whole = Math.floor(halves / 2);
      half = halves % 2 === 1;
    } else {
      whole = Math.max(1, Math.round(target / sku.priceCents));
      gross = whole * sku.priceCents;
    }
    const discount = rng.chance(DISCOUNTED_SHARE) ? Math.round(gross * rng.range(0.03, 0.15)) : 0;
    amount += gross - discount;
    if (!out) continue;
    const sink = out
      .row(T.orderLines)
      .bytes(id.prefix)
      .int(id.seq, ORDER_SEQ_DIGITS)
      .comma()
      .int(k + 1)
      .comma()
      .ascii(sku.code)
      .comma();
    sink
      .bytes(CATEGORY_BYTES[category] ?? EMPTY)
      .comma()
      .int(whole);
    if (half) sink.ascii('.5');
    sink.comma().money(sku.priceCents).comma().money(discount).end();
  }
  return amount;
}
