import type { PeerLevel, ScaleBand } from '../../contracts/recommendations/peer-groups.js';

/** Where a customer stands for peer grouping: its cuisine ('' unknown), scale band and place. */
export interface PeerAttributes {
  readonly cuisine: string;
  readonly scaleBand: ScaleBand;
  readonly city: string;
  readonly district: string;
}

/** A level of peer grouping, or every customer ('all': the popularity prior). */
export type AdoptionLevel = PeerLevel | 'all';

/** A group's customers who bought in the lookback window (its peers), as counted in the engine. */
export interface GroupSizeRow extends PeerAttributes {
  readonly level: AdoptionLevel;
  readonly customers: number;
}

/** Distinct buyers of a SKU in a group over the lookback window, as counted in the engine. */
export interface GroupBuyersRow extends PeerAttributes {
  readonly level: AdoptionLevel;
  readonly sku: string;
  readonly category: string;
  readonly buyers: number;
}

/** The peer counts of every group a ranking may need, keyed by groupKey. */
export interface PeerAdoption {
  readonly sizes: ReadonlyMap<string, number>;
  /** group key → SKU → buyers. */
  readonly buyers: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly categories: ReadonlyMap<string, string>;
}

/** The key of the group of every customer (level all). */
export const EVERYONE = JSON.stringify(['all']);

/**
 * The key of the group of `level` that a customer with these attributes belongs to: the finer levels keep more of
 * the attributes (district: all four; city: no district; cuisine: cuisine and band; all: none).
 */
export function groupKey(level: AdoptionLevel, a: PeerAttributes): string {
  switch (level) {
    case 'district':
      return JSON.stringify([level, a.cuisine, a.scaleBand, a.city, a.district]);
    case 'city':
      return JSON.stringify([level, a.cuisine, a.scaleBand, a.city]);
    case 'cuisine':
      return JSON.stringify([level, a.cuisine, a.scaleBand]);
    case 'all':
      return EVERYONE;
  }
}

/** Indexes the engine's group sizes and buyer counts by group key. */
export function peerAdoption(
  sizes: readonly GroupSizeRow[],
  buyers: readonly GroupBuyersRow[],
): PeerAdoption {
  const byGroup = new Map<string, Map<string, number>>();
  const categories = new Map<string, string>();
  for (const row of buyers) {
    const key = groupKey(row.level, row);
    let skus = byGroup.get(key);
    if (!skus) byGroup.set(key, (skus = new Map()));
    skus.set(row.sku, row.buyers);
    categories.set(row.sku, row.category);
  }
  return {
    sizes: new Map(sizes.map((s) => [groupKey(s.level, s), s.customers])),
    buyers: byGroup,
    categories,
  };
}
