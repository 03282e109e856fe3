import type { ScaleBand } from './peer-groups.js';
import type { RecommendationReason } from './recommendations.js';

export type ReasonLanguage = 'zh-CN' | 'en';

export const SCALE_BAND_NAMES: Readonly<Record<ScaleBand, { readonly zh: string; readonly en: string }>> = {
  small: { zh: '小型（50 座以下）', en: 'small, under 50 seats' },
  medium: { zh: '中型（50–99 座）', en: 'medium, 50–99 seats' },
  large: { zh: '大型（100 座及以上）', en: 'large, 100 seats or more' },
  unknown: { zh: '座位数不详', en: 'seats unknown' },
};

/**
 * The reason as one sentence, e.g. "82 % of 川菜 restaurants of this size (medium, 50–99 seats) in 朝阳区, 北京
 * buy SN028 郫县豆瓣酱 (调味品): 34 of 41; this customer never has" (used by the CLI, the export and the dashboard).
 */
export function reasonText(r: RecommendationReason, lang: ReasonLanguage): string {
  const pct = Math.round(100 * r.peerShare);
  const sku = r.skuName ? `${r.sku} ${r.skuName}` : r.sku;
  const band = SCALE_BAND_NAMES[r.scaleBand];
  if (lang === 'zh-CN') {
    const area =
      r.level === 'district'
        ? `${r.city ?? ''}${r.area ?? ''}`
        : r.level === 'city'
          ? (r.area ?? '')
          : '各城市';
    const cuisine = r.cuisine === '' ? '菜系不详的' : r.cuisine;
    return `${area}${band.zh}${cuisine}餐厅中 ${pct}%（${r.peerCount} 家中 ${r.peerBuyers} 家）购买 ${sku}（${r.category}）；该客户从未购买`;
  }
  const area =
    r.level === 'district'
      ? `in ${r.area ?? ''}, ${r.city ?? ''}`
      : r.level === 'city'
        ? `in ${r.area ?? ''}`
        : 'across all cities';
  const cuisine = r.cuisine === '' ? 'restaurants of unknown cuisine' : `${r.cuisine} restaurants`;
  return `${pct} % of ${cuisine} of this size (${band.en}) ${area} buy ${sku} (${r.category}): ${r.peerBuyers} of ${r.peerCount}; this customer never has`;
}
