import type { CategoryShare } from '../../contracts/profiles/purchase-profile.js';

/** A category's aggregates: the customer's net amounts in the window and the one before, the peers' mean share. */
export interface CategoryAmounts {
  readonly category: string;
  readonly amount: number;
  readonly amountPrevious: number;
  /** Null when no peer bought the category (it is 0 for them when there are peers). */
  readonly peerShare: number | null;
}

const shareOf = (amount: number, total: number) => (total > 0 ? amount / total : null);
const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/**
 * Each category's share of the customer's net amount now and in the window before, the change, and the peers'
 * share and the difference from it; largest share first (then the peers', then by name).
 */
export function categoryShares(rows: readonly CategoryAmounts[], peers: number): CategoryShare[] {
  const total = rows.reduce((s, r) => s + r.amount, 0);
  const totalPrevious = rows.reduce((s, r) => s + r.amountPrevious, 0);
  return rows
    .map((r) => {
      const share = shareOf(r.amount, total);
      const sharePrevious = shareOf(r.amountPrevious, totalPrevious);
      const peerShare = peers > 0 ? (r.peerShare ?? 0) : null;
      return {
        category: r.category,
        amount: r.amount,
        share,
        sharePrevious,
        trend: minus(share, sharePrevious),
        peerShare,
        differenceFromPeers: minus(share, peerShare),
      };
    })
    .sort(
      (a, b) =>
        (b.share ?? 0) - (a.share ?? 0) ||
        (b.peerShare ?? 0) - (a.peerShare ?? 0) ||
        a.category.localeCompare(b.category),
    );
}
