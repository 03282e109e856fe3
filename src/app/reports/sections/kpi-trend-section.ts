import type { EChartsOption } from 'echarts';
import { TIERS, type Tier } from '../../../contracts/tiering/tiers.js';
import type { Html } from '../html.js';
import type { TierTrendValues } from '../report-data.js';
import { TIER_COLORS } from '../report-colors.js';
import { svgChart, PAGE_WIDTH } from '../report-chart.js';
import { axisMoney, count, decimal, money, relativeChange, signedPercent } from '../report-format.js';
import { chartGrid, figure, lead, note, section, table, type SectionContext } from '../report-layout.js';

type Measure = Exclude<keyof TierTrendValues, 'customers'>;
const MEASURES: readonly Measure[] = ['revenue', 'ordersPerMonth', 'aov', 'margin'];

/**
 * Section 3: net purchases, orders per month, average order value and margin by tier over the recent periods (the
 * last point is this period's run; changes are against the previous period's run).
 */
export function kpiTrendSection({ data, s, language }: SectionContext): Html {
  const t = s.kpis;
  const { trend } = data;
  const last = trend[trend.length - 1];
  const title: Record<Measure, string> = {
    revenue: t.revenue,
    ordersPerMonth: t.ordersPerMonth,
    aov: t.aov,
    margin: t.margin,
  };
  const axis: Record<Measure, (x: number) => string> = {
    revenue: axisMoney(language),
    ordersPerMonth: (x) => decimal(x, 1),
    aov: axisMoney(language),
    margin: axisMoney(language),
  };
  const chartOf = (measure: Measure): Html => {
    const option: EChartsOption = {
      legend: { top: 0, itemWidth: 12, textStyle: { fontSize: 10 } },
      grid: { left: 56, right: 12, top: 30, bottom: 26 },
      xAxis: { type: 'category', data: trend.map((p) => p.span.label), axisLabel: { fontSize: 9 } },
      yAxis: { type: 'value', axisLabel: { formatter: axis[measure], fontSize: 9 } },
      series: TIERS.map((tier) => ({
        type: 'line' as const,
        name: s.tier(tier),
        color: TIER_COLORS[tier],
        symbolSize: 5,
        data: trend.map((p) => p.tiers[tier][measure]),
      })),
    };
    return figure(title[measure], svgChart(option, PAGE_WIDTH / 2 - 8, 200));
  };
  const value = (tier: Tier, measure: keyof TierTrendValues, fmt: (x: number) => string) => {
    const v = last?.tiers[tier][measure];
    return v === null || v === undefined ? s.none : fmt(v);
  };
  const revenueChange = (tier: Tier) => {
    const previous = data.previous?.tiers.find((x) => x.tier === tier)?.revenue;
    const change = last ? relativeChange(last.tiers[tier].revenue, previous) : null;
    return change === null ? null : signedPercent(change);
  };
  const texts = TIERS.map((tier) =>
    t.text({
      tier: s.tier(tier),
      revenue: value(tier, 'revenue', money),
      change: revenueChange(tier),
      aov: value(tier, 'aov', money),
    }),
  );
  return section('kpis', t.heading, [
    lead(texts.join(s.sentenceSeparator)),
    trend.length < 2 ? note(t.onePoint) : '',
    chartGrid(MEASURES.map(chartOf)),
    table(
      [s.tierColumn, s.tiers.customers, t.revenue, s.change, t.ordersPerMonth, t.aov, t.margin],
      TIERS.map((tier) => [
        s.tier(tier),
        value(tier, 'customers', count),
        value(tier, 'revenue', money),
        revenueChange(tier) ?? s.none,
        value(tier, 'ordersPerMonth', (x) => decimal(x, 2)),
        value(tier, 'aov', money),
        value(tier, 'margin', money),
      ]),
    ),
    note(t.note),
  ]);
}
