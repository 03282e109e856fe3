import { describe, expect, it } from 'vitest';
import type { CategoryShare } from '../../../src/contracts/profiles/purchase-profile';
import { notableText } from './profile-notable';
import { categoryShareOption, weekdayOption } from './profile-options';

const category = (name: string, share: number | null, peerShare: number | null): CategoryShare => ({
  category: name,
  amount: 0,
  share,
  sharePrevious: null,
  trend: null,
  peerShare,
  differenceFromPeers: null,
});

type Bars = { name: string; data: (number | null)[] }[];

describe('the purchase profile charts', () => {
  it('draws the customer’s and the peers’ shares in percent, the largest share on top', () => {
    const option = categoryShareOption([category('肉禽', 0.4068, 0.1), category('水产', 0.19, 0.65)], {
      customer: 'me',
      peers: 'peers',
    });
    expect((option.yAxis as { data: string[] }).data).toEqual(['水产', '肉禽']);
    expect((option.series as Bars).map((s) => [s.name, s.data])).toEqual([
      ['me', [19, 40.7]],
      ['peers', [65, 10]],
    ]);
  });

  it('leaves the peers’ bars out without peers, and shows a category not bought as 0', () => {
    const option = categoryShareOption([category('蔬菜', null, null)], { customer: 'me', peers: 'peers' });
    expect((option.series as Bars).map((s) => [s.name, s.data])).toEqual([['me', [0]]]);
  });

  it('draws the weekdays Monday first', () => {
    const option = weekdayOption(
      [0.2, 0, 0.6, 0, 0, 0.2, 0],
      ['一', '二', '三', '四', '五', '六', '日'],
      'orders',
    );
    expect((option.series as Bars)[0]?.data).toEqual([20, 0, 60, 0, 0, 20, 0]);
  });
});

describe('notableText', () => {
  const t = (key: string, vars?: Record<string, string | number>) => `${key} ${JSON.stringify(vars)}`;

  it('says more or less, in points, with both shares', () => {
    expect(
      notableText({ kind: 'category_share', category: '水产', value: 0.3, peerValue: 0.12 }, t, 'en'),
    ).toBe(
      'profile.notable.category.more {"points":"18.0","value":"30.0%","peer":"12.0%","category":"水产"}',
    );
    expect(notableText({ kind: 'discount_share', value: 0.05, peerValue: 0.4 }, t, 'en')).toBe(
      'profile.notable.discount.less {"points":"35.0","value":"5.0%","peer":"40.0%"}',
    );
  });

  it('gives amounts in yuan with the ratio, and orders as counts', () => {
    expect(notableText({ kind: 'basket_amount', value: 300, peerValue: 120 }, t, 'en')).toBe(
      'profile.notable.basket {"value":"¥300.00","peer":"¥120.00","times":"2.5"}',
    );
    expect(notableText({ kind: 'order_count', value: 0, peerValue: 1.95 }, t, 'en')).toBe(
      'profile.notable.orders {"value":"0","peer":"2.0"}',
    );
  });
});
