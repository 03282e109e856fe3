import { describe, expect, it } from 'vitest';
import { categoryShares } from './category-shares.js';

describe('categoryShares', () => {
  it('shares of the window and the one before, the trend and the difference from the peers', () => {
    const shares = categoryShares(
      [
        { category: '蔬菜', amount: 30, amountPrevious: 50, peerShare: 0.5 },
        { category: '肉禽', amount: 70, amountPrevious: 0, peerShare: null },
        { category: '水产', amount: 0, amountPrevious: 50, peerShare: 0.5 },
      ],
      4,
    );
    expect(shares).toEqual([
      {
        category: '肉禽',
        amount: 70,
        share: 0.7,
        sharePrevious: 0,
        trend: 0.7,
        peerShare: 0,
        differenceFromPeers: 0.7,
      },
      {
        category: '蔬菜',
        amount: 30,
        share: 0.3,
        sharePrevious: 0.5,
        trend: -0.2,
        peerShare: 0.5,
        differenceFromPeers: -0.2,
      },
      {
        category: '水产',
        amount: 0,
        share: 0,
        sharePrevious: 0.5,
        trend: -0.5,
        peerShare: 0.5,
        differenceFromPeers: -0.5,
      },
    ]);
  });

  it('leaves what has no base null: no purchases in a window, no peers', () => {
    const [only] = categoryShares([{ category: '蔬菜', amount: 0, amountPrevious: 10, peerShare: null }], 0);
    expect(only).toEqual({
      category: '蔬菜',
      amount: 0,
      share: null,
      sharePrevious: 1,
      trend: null,
      peerShare: null,
      differenceFromPeers: null,
    });
  });
});
