import { assertUnreachable } from '../../contracts/assert-unreachable.js';
import type {
  NotableDifference,
  PeerLevel,
  PurchaseProfile,
  SeatBand,
} from '../../contracts/profiles/purchase-profile.js';
import type { ReportLanguage } from '../../contracts/reports/report-request.js';
import { percent, yuan } from './numbers.js';

/** The words of `stratum profile` in one language. */
export interface ProfileStrings {
  title(p: PurchaseProfile): string;
  totals(p: PurchaseProfile): string;
  basket(p: PurchaseProfile): string;
  peers(p: PurchaseProfile): string;
  categoryHeader: readonly string[];
  skusTitle: string;
  skuHeader: readonly string[];
  weekdays: readonly string[];
  rhythm(weekdays: string, hours: string, interval: string): string;
  hour(h: number): string;
  interval(days: number, iqr: number | null): string;
  discounts(p: PurchaseProfile): string;
  notableTitle: string;
  notable(n: NotableDifference): string;
  none: string;
}

const points = (x: number) => (100 * Math.abs(x)).toFixed(1);
const pct = (x: number | null) => (x === null ? '–' : percent(x));
const num = (x: number | null, digits = 1) => (x === null ? '–' : x.toFixed(digits));
const times = (n: NotableDifference) => (n.value / n.peerValue).toFixed(1);

const SEAT_BAND_ZH: Record<SeatBand, string> = {
  small: '小型（50 座以下）',
  medium: '中型（50–99 座）',
  large: '大型（100 座及以上）',
  unknown: '座位数未知',
};
const SEAT_BAND_EN: Record<SeatBand, string> = {
  small: 'small (under 50 seats)',
  medium: 'medium (50–99 seats)',
  large: 'large (100 seats or more)',
  unknown: 'unknown seats',
};
const LEVEL_ZH: Record<PeerLevel, string> = {
  district: '同区县',
  city: '同城市',
  cuisine: '同菜系（不限地区与规模）',
};
const LEVEL_EN: Record<PeerLevel, string> = {
  district: 'same district',
  city: 'same city',
  cuisine: 'same cuisine, any place or size',
};

const zh: ProfileStrings = {
  title: (p) =>
    `客户 ${p.customerId} 采购画像${p.mergedFrom ? `（由 ${p.mergedFrom} 合并而来）` : ''}：${p.window.from} 至 ${p.window.to}（${p.window.days} 天）`,
  totals: (p) => `${p.orders} 笔订单，${p.lines} 个商品行，净额 ${yuan(p.netAmount)}`,
  basket: (p) =>
    `每单平均 ${num(p.basket.avgLines)} 行、${p.basket.avgAmount === null ? '–' : yuan(p.basket.avgAmount)}、${num(p.basket.avgDistinctCategories)} 个品类（同类客户平均每单 ${p.basket.peerAvgAmount === null ? '–' : yuan(p.basket.peerAvgAmount)}）`,
  peers: (p) => {
    const g = p.peers;
    return `同类客户（${LEVEL_ZH[g.level]}）：${g.count} 家，菜系 ${g.cuisine ?? '未填'}、规模 ${SEAT_BAND_ZH[g.seatBand]}、${g.city} ${g.district}（区县 ${g.counts.district} · 城市 ${g.counts.city} · 菜系 ${g.counts.cuisine}；至少需 ${g.minimum} 家），平均 ${num(g.avgOrders)} 笔订单`;
  },
  categoryHeader: ['品类', '占比', '上期', '变化', '同类客户', '差异'],
  skusTitle: '常购商品（按净额）',
  skuHeader: ['SKU', '品类', '净额', '订单', '数量', '最近购买'],
  weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  rhythm: (weekdays, hours, interval) => `下单节奏：${weekdays}；高峰时段 ${hours}；${interval}`,
  hour: (h) => `${h} 点`,
  interval: (days, iqr) =>
    `典型间隔 ${days.toFixed(1)} 天${iqr === null ? '' : `（四分位距 ${iqr.toFixed(1)} 天）`}`,
  discounts: (p) => {
    const s = p.priceSensitivity;
    return `价格敏感度：${pct(s.discountedLineShare)} 的商品行、${pct(s.discountedAmountShare)} 的净额有优惠（同类客户 ${pct(s.peerDiscountedAmountShare)}）`;
  },
  notableTitle: '与同类客户的显著差异：',
  notable: (n) => {
    switch (n.kind) {
      case 'category_share':
        return `${n.category}占比比同类客户${n.value > n.peerValue ? '高' : '低'} ${points(n.value - n.peerValue)} 个百分点（${pct(n.value)} 对 ${pct(n.peerValue)}）`;
      case 'discount_share':
        return `优惠采购占比比同类客户${n.value > n.peerValue ? '高' : '低'} ${points(n.value - n.peerValue)} 个百分点（${pct(n.value)} 对 ${pct(n.peerValue)}）`;
      case 'basket_amount':
        return `客单价 ${yuan(n.value)}，是同类客户（${yuan(n.peerValue)}）的 ${times(n)} 倍`;
      case 'order_count':
        return `订单 ${num(n.value, 0)} 笔，同类客户平均 ${num(n.peerValue)} 笔`;
      default:
        return assertUnreachable(n.kind, 'notable difference');
    }
  },
  none: '无',
};

const en: ProfileStrings = {
  title: (p) =>
    `Purchase profile of ${p.customerId}${p.mergedFrom ? ` (merged from ${p.mergedFrom})` : ''}: ${p.window.from} – ${p.window.to} (${p.window.days} days)`,
  totals: (p) => `${p.orders} orders, ${p.lines} lines, net ${yuan(p.netAmount)}`,
  basket: (p) =>
    `Per order ${num(p.basket.avgLines)} lines, ${p.basket.avgAmount === null ? '–' : yuan(p.basket.avgAmount)}, ${num(p.basket.avgDistinctCategories)} categories (peers ${p.basket.peerAvgAmount === null ? '–' : yuan(p.basket.peerAvgAmount)} per order)`,
  peers: (p) => {
    const g = p.peers;
    return `Peers (${LEVEL_EN[g.level]}): ${g.count} customers, cuisine ${g.cuisine ?? 'none'}, ${SEAT_BAND_EN[g.seatBand]}, ${g.city} ${g.district} (district ${g.counts.district} · city ${g.counts.city} · cuisine ${g.counts.cuisine}; at least ${g.minimum} needed), ${num(g.avgOrders)} orders on average`;
  },
  categoryHeader: ['Category', 'Share', 'Before', 'Trend', 'Peers', 'vs peers'],
  skusTitle: 'Favourite SKUs (by net amount)',
  skuHeader: ['SKU', 'Category', 'Net', 'Orders', 'Quantity', 'Last bought'],
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  rhythm: (weekdays, hours, interval) => `Rhythm: ${weekdays}; busiest hours ${hours}; ${interval}`,
  hour: (h) => `${String(h).padStart(2, '0')}:00`,
  interval: (days, iqr) =>
    `typical interval ${days.toFixed(1)} days${iqr === null ? '' : ` (IQR ${iqr.toFixed(1)} days)`}`,
  discounts: (p) => {
    const s = p.priceSensitivity;
    return `Price sensitivity: ${pct(s.discountedLineShare)} of lines and ${pct(s.discountedAmountShare)} of the net amount discounted (peers ${pct(s.peerDiscountedAmountShare)})`;
  },
  notableTitle: 'Notable differences from peers:',
  notable: (n) => {
    switch (n.kind) {
      case 'category_share':
        return `buys ${n.category} ${points(n.value - n.peerValue)} pts ${n.value > n.peerValue ? 'more' : 'less'} than peers (${pct(n.value)} vs ${pct(n.peerValue)})`;
      case 'discount_share':
        return `buys ${points(n.value - n.peerValue)} pts ${n.value > n.peerValue ? 'more' : 'less'} on discount than peers (${pct(n.value)} vs ${pct(n.peerValue)})`;
      case 'basket_amount':
        return `orders of ${yuan(n.value)}, ${times(n)}× the peers’ ${yuan(n.peerValue)}`;
      case 'order_count':
        return `${num(n.value, 0)} orders against the peers’ ${num(n.peerValue)}`;
      default:
        return assertUnreachable(n.kind, 'notable difference');
    }
  },
  none: 'none',
};

export const PROFILE_STRINGS: Readonly<Record<ReportLanguage, ProfileStrings>> = { 'zh-CN': zh, en };
