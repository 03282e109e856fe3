import { describe, expect, it } from 'vitest';
import {
  peerAdoption,
  type AdoptionLevel,
  type GroupBuyersRow,
  type GroupSizeRow,
  type PeerAttributes,
} from './peer-adoption.js';
import { choosePeerLevel, rankByPeers, type CustomerBasket } from './rank-by-peers.js';

const ME: PeerAttributes = { cuisine: '川菜', scaleBand: 'medium', city: '北京', district: '朝阳区' };
const SETTINGS = { minPeers: 10, priorPeers: 10 };

/** Keys of a level as the engine returns them: the coarser levels blank the attributes they drop. */
function at(level: AdoptionLevel, a: PeerAttributes = ME): PeerAttributes & { level: AdoptionLevel } {
  if (level === 'all') return { level, cuisine: '', scaleBand: 'unknown', city: '', district: '' };
  if (level === 'cuisine') return { ...a, level, city: '', district: '' };
  if (level === 'city') return { ...a, level, district: '' };
  return { ...a, level };
}

const size = (level: AdoptionLevel, customers: number): GroupSizeRow => ({ ...at(level), customers });
const buyers = (level: AdoptionLevel, sku: string, n: number, category = '调味品'): GroupBuyersRow => ({
  ...at(level),
  sku,
  category,
  buyers: n,
});

const basket = (bought: string[] = [], active = true): CustomerBasket => ({
  attributes: ME,
  active,
  bought: new Set(bought),
});

describe('choosePeerLevel', () => {
  const adoption = (district: number, city: number, cuisine: number) =>
    peerAdoption(
      [size('district', district), size('city', city), size('cuisine', cuisine), size('all', 1000)],
      [],
    );

  it('takes the narrowest level with enough peers besides the customer itself', () => {
    expect(choosePeerLevel(basket(), adoption(11, 40, 200), 10)).toEqual({ level: 'district', count: 10 });
    expect(choosePeerLevel(basket(), adoption(10, 40, 200), 10)).toEqual({ level: 'city', count: 39 });
    expect(choosePeerLevel(basket([], false), adoption(10, 40, 200), 10)).toEqual({
      level: 'district',
      count: 10,
    });
    expect(choosePeerLevel(basket(), adoption(3, 5, 9), 10)).toEqual({ level: 'cuisine', count: 8 });
  });

  it('has no peers when nobody else of the cuisine and band bought', () => {
    expect(choosePeerLevel(basket(), adoption(1, 1, 1), 10)).toBeNull();
  });
});

describe('rankByPeers', () => {
  it('recommends what the peers buy and the customer never has, by shrunk peer share, with the reason', () => {
    const adoption = peerAdoption(
      [size('district', 21), size('city', 101), size('cuisine', 401), size('all', 2001)],
      [
        buyers('district', 'SN028', 16),
        buyers('district', 'SN034', 10),
        buyers('district', 'VG067', 5, '蔬菜'),
        buyers('district', 'SN001', 20),
        buyers('city', 'SN028', 70),
        buyers('city', 'SN034', 60),
        buyers('city', 'VG067', 50, '蔬菜'),
        buyers('city', 'SN001', 100),
        buyers('cuisine', 'SN028', 280),
        buyers('cuisine', 'SN034', 240),
        buyers('cuisine', 'VG067', 200, '蔬菜'),
        buyers('cuisine', 'SN001', 400),
        buyers('all', 'SN028', 300),
        buyers('all', 'SN034', 260),
        buyers('all', 'VG067', 900, '蔬菜'),
        buyers('all', 'SN001', 2000),
      ],
    );
    const ranking = rankByPeers(basket(['SN001']), adoption, SETTINGS, 10);
    expect(ranking.peers).toEqual({
      level: 'district',
      cuisine: '川菜',
      scaleBand: 'medium',
      city: '北京',
      district: '朝阳区',
      count: 20,
    });
    expect(ranking.recommendations.map((r) => r.sku)).toEqual(['SN028', 'SN034', 'VG067']);
    const first = ranking.recommendations[0];
    // prior 300/2000, then cuisine (280 + 10·p)/(400 + 10), city (70 + 10·s)/(100 + 10), district (16 + 10·s)/(20 + 10).
    let s = 300 / 2000;
    s = (280 + 10 * s) / 410;
    s = (70 + 10 * s) / 110;
    s = (16 + 10 * s) / 30;
    expect(first?.score).toBeCloseTo(s, 12);
    expect(first).toMatchObject({
      rank: 1,
      category: '调味品',
      priorShare: 0.15,
      reason: {
        level: 'district',
        area: '朝阳区',
        city: '北京',
        cuisine: '川菜',
        scaleBand: 'medium',
        peerCount: 20,
        peerBuyers: 16,
        peerShare: 0.8,
        sku: 'SN028',
        category: '调味品',
      },
    });
    expect(rankByPeers(basket(['SN001']), adoption, SETTINGS, 2).recommendations).toHaveLength(2);
  });

  it('does not let a tiny group dominate: two of two peers rank below a favourite of the cuisine', () => {
    const tiny = peerAdoption(
      [size('district', 3), size('city', 3), size('cuisine', 300), size('all', 2000)],
      [
        buyers('district', 'RARE', 2),
        buyers('district', 'BROAD', 1),
        buyers('city', 'RARE', 2),
        buyers('city', 'BROAD', 1),
        buyers('cuisine', 'RARE', 2),
        buyers('cuisine', 'BROAD', 150),
        buyers('all', 'RARE', 2),
        buyers('all', 'BROAD', 600),
      ],
    );
    const ranked = (priorPeers: number) =>
      rankByPeers(basket(), tiny, { minPeers: 2, priorPeers }, 5).recommendations.map((r) => r.sku);
    expect(rankByPeers(basket(), tiny, { minPeers: 2, priorPeers: 10 }, 5).peers?.level).toBe('district');
    expect(ranked(10)).toEqual(['BROAD', 'RARE']);
    // Without shrinkage the raw shares decide: 2 of 2 before 1 of 2.
    expect(ranked(0)).toEqual(['RARE', 'BROAD']);
  });

  it('returns nothing without peers, and never a SKU no peer bought', () => {
    const adoption = peerAdoption(
      [size('district', 1), size('city', 1), size('cuisine', 1), size('all', 50)],
      [buyers('all', 'SN001', 30)],
    );
    expect(rankByPeers(basket(), adoption, SETTINGS, 10)).toEqual({ peers: null, recommendations: [] });
    const lonely = peerAdoption(
      [size('district', 1), size('city', 1), size('cuisine', 12), size('all', 50)],
      [buyers('cuisine', 'SN002', 0), buyers('all', 'SN001', 30)],
    );
    expect(rankByPeers(basket(), lonely, SETTINGS, 10).recommendations).toEqual([]);
  });
});
