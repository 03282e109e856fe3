import { describe, expect, it } from 'vitest';
import { peerAdoption, type GroupBuyersRow } from './peer-adoption.js';
import { popularityOrder, topUnbought } from './popularity.js';

const everyone = (sku: string, buyers: number): GroupBuyersRow => ({
  level: 'all',
  cuisine: '',
  scaleBand: 'unknown',
  city: '',
  district: '',
  sku,
  category: '蔬菜',
  buyers,
});

describe('popularity baseline', () => {
  it('orders SKUs by buyers over everyone (ties by code) and skips what the customer bought', () => {
    const adoption = peerAdoption(
      [],
      [
        everyone('B', 5),
        everyone('A', 9),
        everyone('C', 5),
        { ...everyone('Z', 100), level: 'cuisine', cuisine: '川菜', scaleBand: 'small' },
      ],
    );
    const order = popularityOrder(adoption);
    expect(order).toEqual(['A', 'B', 'C']);
    expect(topUnbought(order, new Set(['A']), 2)).toEqual(['B', 'C']);
    expect(topUnbought(order, new Set(['A', 'B', 'C']), 2)).toEqual([]);
  });
});
