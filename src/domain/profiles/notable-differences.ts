import type { NotableDifference, NotableKind } from '../../contracts/profiles/purchase-profile.js';

/** A share (of a category, of the discounted amount) is notable this far from the peers' (0.10 = 10 points)… */
export const NOTABLE_SHARE_GAP = 0.1;
/** …an order amount or a number of orders this many times the peers' (or the peers' this many times it). */
export const NOTABLE_RATIO = 1.5;
/** At most this many differences are listed. */
export const NOTABLE_MAX = 5;

/** The customer's figures beside its peers' (null where either side has nothing to measure). */
export interface PeerComparison {
  readonly categories: readonly {
    readonly category: string;
    readonly share: number | null;
    readonly peerShare: number | null;
  }[];
  readonly discountedAmountShare: number | null;
  readonly peerDiscountedAmountShare: number | null;
  readonly avgAmount: number | null;
  readonly peerAvgAmount: number | null;
  readonly orders: number;
  readonly peerOrders: number | null;
}

interface Candidate {
  readonly item: NotableDifference;
  /** How far past its threshold: 1 at the threshold; comparable across kinds. */
  readonly strength: number;
}

function shareGap(kind: NotableKind, value: number | null, peerValue: number | null, category?: string) {
  if (value === null || peerValue === null) return [];
  const item = { kind, ...(category === undefined ? {} : { category }), value, peerValue };
  return [{ item, strength: Math.abs(value - peerValue) / NOTABLE_SHARE_GAP }];
}

function ratioGap(kind: NotableKind, value: number | null, peerValue: number | null): Candidate[] {
  if (value === null || peerValue === null || (value <= 0 && peerValue <= 0)) return [];
  const low = Math.min(value, peerValue);
  const strength = low <= 0 ? Infinity : Math.log(Math.max(value, peerValue) / low) / Math.log(NOTABLE_RATIO);
  return [{ item: { kind, value, peerValue }, strength }];
}

/**
 * How the customer differs most from its peers: category shares and the discounted share at least
 * NOTABLE_SHARE_GAP apart, the average order amount and the orders at least NOTABLE_RATIO times apart; the
 * strongest first (distance in units of the threshold), at most NOTABLE_MAX.
 */
export function notableDifferences(c: PeerComparison): NotableDifference[] {
  const candidates: Candidate[] = [
    ...c.categories.flatMap((k) => shareGap('category_share', k.share, k.peerShare, k.category)),
    ...shareGap('discount_share', c.discountedAmountShare, c.peerDiscountedAmountShare),
    ...ratioGap('basket_amount', c.avgAmount, c.peerAvgAmount),
    ...ratioGap('order_count', c.orders, c.peerOrders),
  ];
  return candidates
    .filter((x) => x.strength >= 1)
    .sort((a, b) => b.strength - a.strength || (a.item.category ?? '').localeCompare(b.item.category ?? ''))
    .slice(0, NOTABLE_MAX)
    .map((x) => x.item);
}
