import { TIERS, type Tier } from '../../../contracts/tiering/tiers.js';
import type { Html } from '../html.js';
import { ACCENT } from '../report-colors.js';
import { svgChart, PAGE_WIDTH } from '../report-chart.js';
import { count, money, percent, signedCount, signedPoints } from '../report-format.js';
import { figure, lead, note, section, table, type SectionContext } from '../report-layout.js';
import { migrationBlock } from './migration-block.js';

/** Section 2: customers and net purchases by tier against the previous period, then the migration between them. */
export function tiersSection(ctx: SectionContext): Html {
  const { data, s } = ctx;
  const t = s.tiers;
  const { current, previous } = data;
  const before = (tier: Tier) => previous?.tiers.find((x) => x.tier === tier) ?? null;
  const top = current.tiers[0];
  const topBefore = top ? before(top.tier) : null;
  const texts = [
    t.text(
      current.tiers.map((x) => {
        const b = before(x.tier);
        return {
          tier: s.tier(x.tier),
          customers: count(x.customers),
          change: b ? signedCount(x.customers - b.customers) : null,
        };
      }),
    ),
    top
      ? t.revenueText({
          tier: s.tier(top.tier),
          share: percent(top.revenueShare),
          change: topBefore ? s.points(signedPoints(top.revenueShare - topBefore.revenueShare)) : null,
        })
      : '',
  ];
  const chart = svgChart(
    {
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: TIERS.map((tier) => s.tier(tier)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => percent(v) } },
      series: [
        {
          type: 'bar',
          name: t.customerShare,
          color: ACCENT.muted,
          label: { show: true, position: 'top', formatter: ({ value }) => percent(Number(value)) },
          data: current.tiers.map((x) => x.customerShare),
        },
        {
          type: 'bar',
          name: t.revenueShare,
          color: ACCENT.primary,
          label: { show: true, position: 'top', formatter: ({ value }) => percent(Number(value)) },
          data: current.tiers.map((x) => x.revenueShare),
        },
      ],
    },
    PAGE_WIDTH,
    240,
  );
  const rows = current.tiers.map((x) => {
    const b = before(x.tier);
    return [
      s.tier(x.tier),
      count(x.customers),
      b ? signedCount(x.customers - b.customers) : s.none,
      percent(x.customerShare),
      money(x.revenue),
      percent(x.revenueShare),
      b ? signedPoints(x.revenueShare - b.revenueShare) : s.none,
    ];
  });
  const tieredCustomers = current.tiers.reduce((sum, x) => sum + x.customers, 0);
  const tieredRevenue = Math.round(current.tiers.reduce((sum, x) => sum + x.revenue, 0) * 100) / 100;
  return section('tiers', t.heading, [
    lead(texts.join(s.sentenceSeparator)),
    figure(t.shareChart, chart),
    table(
      [s.tierColumn, t.customers, s.change, t.customerShare, t.revenue, t.revenueShare, t.pointsChange],
      [...rows, [s.excluded, count(current.excluded), s.none, s.none, s.none, s.none, s.none]],
      [
        s.total,
        count(tieredCustomers + current.excluded),
        s.none,
        s.none,
        money(tieredRevenue),
        s.none,
        s.none,
      ],
    ),
    note(t.revenueNote),
    migrationBlock(ctx),
  ]);
}
