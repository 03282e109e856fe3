import type { NotableDifference } from '../../../src/contracts/profiles/purchase-profile';
import { formatMoney, formatNumber, formatShare } from '../common/format';
import type { Language, MessageKey } from '../i18n/messages';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A notable difference from the peers in words: "Buys 水产 18.0 pts more than peers (30.0% vs 12.0%)". */
export function notableText(n: NotableDifference, t: Translate, lang: Language): string {
  const points = formatNumber(Math.abs(n.value - n.peerValue) * 100, lang, 1);
  const shares = { points, value: formatShare(n.value, lang), peer: formatShare(n.peerValue, lang) };
  const more = n.value > n.peerValue;
  switch (n.kind) {
    case 'category_share':
      return t(more ? 'profile.notable.category.more' : 'profile.notable.category.less', {
        ...shares,
        category: n.category ?? '',
      });
    case 'discount_share':
      return t(more ? 'profile.notable.discount.more' : 'profile.notable.discount.less', shares);
    case 'basket_amount':
      return t('profile.notable.basket', {
        value: formatMoney(n.value, lang),
        peer: formatMoney(n.peerValue, lang),
        times: formatNumber(n.value / n.peerValue, lang, 1),
      });
    case 'order_count':
      return t('profile.notable.orders', {
        value: formatNumber(n.value, lang),
        peer: formatNumber(n.peerValue, lang, 1),
      });
  }
}
