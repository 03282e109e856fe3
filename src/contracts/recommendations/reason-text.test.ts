import { describe, expect, it } from 'vitest';
import { reasonText } from './reason-text.js';
import type { RecommendationReason } from './recommendations.js';

const REASON: RecommendationReason = {
  level: 'district',
  area: '朝阳区',
  city: '北京',
  cuisine: '川菜',
  scaleBand: 'medium',
  peerCount: 41,
  peerBuyers: 34,
  peerShare: 34 / 41,
  sku: 'SN028',
  category: '调味品',
};

describe('reasonText', () => {
  it('says who the peers are, how many buy the SKU and that this customer never has, in both languages', () => {
    expect(reasonText(REASON, 'en')).toBe(
      '83 % of 川菜 restaurants of this size (medium, 50–99 seats) in 朝阳区, 北京 buy SN028 (调味品): 34 of 41; this customer never has',
    );
    expect(reasonText({ ...REASON, skuName: '郫县豆瓣酱' }, 'zh-CN')).toBe(
      '北京朝阳区中型（50–99 座）川菜餐厅中 83%（41 家中 34 家）购买 SN028 郫县豆瓣酱（调味品）；该客户从未购买',
    );
  });

  it('names the city or every city when the peers come from wider, and an unknown cuisine', () => {
    const city = { ...REASON, level: 'city', area: '北京' } as const;
    expect(reasonText(city, 'en')).toContain('in 北京 buy');
    expect(reasonText({ ...REASON, level: 'cuisine', area: null, city: null }, 'zh-CN')).toMatch(/^各城市/);
    expect(reasonText({ ...REASON, cuisine: '' }, 'en')).toMatch(/^83 % of restaurants of unknown cuisine/);
  });
});
