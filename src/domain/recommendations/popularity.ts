import { EVERYONE, type PeerAdoption } from './peer-adoption.js';

/** Every SKU bought in the lookback window, most buyers first (ties by code): the popularity baseline's order. */
export function popularityOrder(adoption: PeerAdoption): string[] {
  return [...(adoption.buyers.get(EVERYONE) ?? new Map<string, number>())]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([sku]) => sku);
}

/** The first `limit` SKUs of `order` the customer has not bought (the same candidate rule as the peer ranking). */
export function topUnbought(order: readonly string[], bought: ReadonlySet<string>, limit: number): string[] {
  const out: string[] = [];
  for (const sku of order) {
    if (out.length >= limit) break;
    if (!bought.has(sku)) out.push(sku);
  }
  return out;
}
