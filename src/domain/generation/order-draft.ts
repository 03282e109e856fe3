import type { Sku } from './catalogue.js';

/** What happens to a brushing order afterwards. */
export const BrushFate = { Kept: 0, Cancelled: 1, Refunded: 2 } as const;
export type BrushFate = (typeof BrushFate)[keyof typeof BrushFate];

/** An order before it is numbered and priced line by line. */
export interface OrderDraft {
  readonly day: number;
  readonly second: number;
  /** Order value aimed at; the lines make up the real amount. */
  readonly targetCents: number;
  /** Slot index of the account the order is booked on (the customer's or its duplicate's). */
  readonly account: number;
  readonly cancelled: boolean;
  readonly channel: number;
  /** Brushing burst number (from 1), or 0 for a genuine order. */
  readonly burst: number;
  readonly brushSku: Sku | null;
  readonly brushFate: BrushFate;
}
