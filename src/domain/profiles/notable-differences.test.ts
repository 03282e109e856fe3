import { describe, expect, it } from 'vitest';
import { NOTABLE_MAX, notableDifferences, type PeerComparison } from './notable-differences.js';

const none: PeerComparison = {
  categories: [],
  discountedAmountShare: null,
  peerDiscountedAmountShare: null,
  avgAmount: null,
  peerAvgAmount: null,
  orders: 0,
  peerOrders: null,
};

describe('notableDifferences', () => {
  it('lists shares 10 points or more apart and amounts 1.5× or more apart, the strongest first', () => {
    const items = notableDifferences({
      categories: [
        { category: '水产', share: 0.3, peerShare: 0.12 }, // 18 points: 1.8 thresholds
        { category: '蔬菜', share: 0.2, peerShare: 0.25 }, // 5 points: not notable
        { category: '肉禽', share: 0.1, peerShare: 0.2 }, // 10 points: at the threshold
      ],
      discountedAmountShare: 0.05,
      peerDiscountedAmountShare: 0.4, // 35 points: 3.5 thresholds
      avgAmount: 300,
      peerAvgAmount: 100, // 3×: log 3 / log 1.5 ≈ 2.7 thresholds
      orders: 10,
      peerOrders: 8, // 1.25×: not notable
    });
    expect(items).toEqual([
      { kind: 'discount_share', value: 0.05, peerValue: 0.4 },
      { kind: 'basket_amount', value: 300, peerValue: 100 },
      { kind: 'category_share', category: '水产', value: 0.3, peerValue: 0.12 },
      { kind: 'category_share', category: '肉禽', value: 0.1, peerValue: 0.2 },
    ]);
  });

  it('puts a customer without orders first when its peers have some, and skips what cannot be compared', () => {
    expect(notableDifferences({ ...none, orders: 0, peerOrders: 3 })).toEqual([
      { kind: 'order_count', value: 0, peerValue: 3 },
    ]);
    expect(
      notableDifferences({ ...none, categories: [{ category: '水产', share: null, peerShare: 0.5 }] }),
    ).toEqual([]);
    expect(notableDifferences({ ...none, orders: 0, peerOrders: 0 })).toEqual([]);
  });

  it(`keeps at most ${NOTABLE_MAX}`, () => {
    const categories = Array.from({ length: 8 }, (_, i) => ({
      category: `c${i}`,
      share: 0.5,
      peerShare: 0.1 + i * 0.01,
    }));
    const items = notableDifferences({ ...none, categories });
    expect(items.map((i) => i.category)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
  });
});
