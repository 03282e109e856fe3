import type { Behaviour, Identity } from './profile.js';

/** One customer account being written: its master data, behaviour and booked (completed) orders. */
export interface Account {
  readonly identity: Identity;
  readonly behaviour: Behaviour;
  /** A duplicate registration: no contracts, disputes or planted risk of its own. */
  readonly isDuplicate: boolean;
  readonly isChain: boolean;
  /** Digits of the customer id, reused in the ids of its documents. */
  readonly number: string;
  /** Completed orders in time order. */
  readonly orderDays: number[];
  readonly orderCents: number[];
}

/** Expected spend per year in cents, from the customer's habits. */
export function annualSpendCents(b: Behaviour): number {
  return b.freqPerWeek * 52 * b.aovCents;
}
