import {
  reasonText,
  SCALE_BAND_NAMES,
  type ReasonLanguage,
} from '../../contracts/recommendations/reason-text.js';
import type {
  CustomerRecommendations,
  RankingMetrics,
  RecommendationEvaluation,
} from '../../contracts/recommendations/recommendations.js';
import { count, percent } from './numbers.js';

/** `stratum recommend CUSTOMER_ID` as text: who the peers are, then each SKU with its reason. */
export function recommendationLines(r: CustomerRecommendations, lang: ReasonLanguage): string[] {
  const zh = lang === 'zh-CN';
  const head = zh
    ? `客户 ${r.customerId}${r.mergedFrom ? `（由 ${r.mergedFrom} 合并）` : ''} 的选品推荐，数据截至 ${r.asOf}；已购 ${count(r.boughtSkus)} 个 SKU`
    : `Recommendations for ${r.customerId}${r.mergedFrom ? ` (merged from ${r.mergedFrom})` : ''} from the history up to ${r.asOf}; ${count(r.boughtSkus)} SKUs bought so far`;
  if (!r.peers)
    return [
      head,
      zh
        ? '没有同菜系、同规模的同行客户，无法推荐。'
        : 'No peers of the same cuisine and size: nothing to recommend.',
    ];
  const p = r.peers;
  const where = p.district ?? p.city ?? (zh ? '各城市' : 'all cities');
  const band = SCALE_BAND_NAMES[p.scaleBand][zh ? 'zh' : 'en'];
  const peers = zh
    ? `同行：${where} ${p.cuisine || '菜系不详'} ${band}，共 ${count(p.count)} 家（最近 ${r.settings.lookbackDays} 天有采购）`
    : `Peers: ${p.cuisine || 'unknown cuisine'}, ${band}, ${where}: ${count(p.count)} customers buying in the last ${r.settings.lookbackDays} days`;
  if (r.recommendations.length === 0)
    return [
      head,
      peers,
      zh ? '同行购买的 SKU 该客户都已买过。' : 'The customer already buys everything its peers buy.',
    ];
  return [
    head,
    peers,
    '',
    ...r.recommendations.map((x) => `${String(x.rank).padStart(3)}. ${x.sku}  ${reasonText(x.reason, lang)}`),
  ];
}

const metricLine = (name: string, m: RankingMetrics) =>
  `  ${name.padEnd(12)} ${percent(m.hitRate).padStart(8)} ${percent(m.recallAtK).padStart(10)} ${percent(m.precisionAtK).padStart(13)} ${count(m.hits).padStart(6)}`;

/** `stratum recommend --evaluate` as text. */
export function evaluationLines(e: RecommendationEvaluation): string[] {
  const levels = Object.entries(e.peerLevels)
    .map(([level, n]) => `${level} ${count(n)}`)
    .join(', ');
  return [
    `Offline evaluation: lists made from the history up to ${e.cutoff}, scored on the ${e.holdoutWeeks} week(s) to ${e.asOf}`,
    `  ${count(e.customers)} customers bought ${count(e.newSkus)} SKUs for the first time in the holdout; peers from: ${levels}`,
    '',
    `  ${'method'.padEnd(12)} ${'hit rate'.padStart(8)} ${`recall@${e.k}`.padStart(10)} ${`precision@${e.k}`.padStart(13)} ${'hits'.padStart(6)}`,
    metricLine('peer-based', e.peerBased),
    metricLine('popularity', e.popularity),
    '',
    `  recall@${e.k} ratio peer-based / popularity: ${e.recallRatio === null ? '–' : `${e.recallRatio.toFixed(2)}×`} (${(e.durationMs / 1000).toFixed(1)} s)`,
  ];
}
