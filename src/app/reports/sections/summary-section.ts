import { TIERS } from '../../../contracts/tiering/tiers.js';
import type { TieringReport } from '../../tiering/build-report.js';
import type { Html } from '../html.js';
import { ACCENT } from '../report-colors.js';
import { svgChart, PAGE_WIDTH } from '../report-chart.js';
import {
  axisMoney,
  count,
  money,
  relativeChange,
  signedCount,
  signedMoney,
  signedPercent,
} from '../report-format.js';
import { figure, lead, section, table, type SectionContext } from '../report-layout.js';

const round2 = (x: number) => Math.round(x * 100) / 100;
const tiered = (r: TieringReport) => r.tiers.reduce((s, t) => s + t.customers, 0);
const revenue = (r: TieringReport) => round2(r.tiers.reduce((s, t) => s + t.revenue, 0));
const margin = (r: TieringReport) => round2(r.tiers.reduce((s, t) => s + t.margin, 0));

/** Section 1: the headline KPIs against the previous period, and net purchases and margin over the recent periods. */
export function summarySection({ data, s, language }: SectionContext): Html {
  const { current, previous, migration, risk, previousRisk, trend } = data;
  const t = s.summary;
  const countChange = (now: number, before: number | null) =>
    before === null ? null : signedCount(now - before);
  const kpis = {
    customers: [tiered(current), previous ? tiered(previous) : null],
    churn: [current.tags.churn_warning, previous ? previous.tags.churn_warning : null],
    highRisk: [current.tags.high_risk, previous ? previous.tags.high_risk : null],
  } as const;
  const revenueNow = revenue(current);
  const revenueBefore = previous ? revenue(previous) : null;
  const revenueChange = relativeChange(revenueNow, revenueBefore);
  const overdueBefore = previousRisk ? previousRisk.total.overdueAmount : null;
  const tierChanges = migration ? migration.totals.up + migration.totals.down : null;
  const text = t.text({
    customers: count(kpis.customers[0]),
    customersChange: countChange(...kpis.customers),
    revenue: money(revenueNow),
    revenueChange: revenueChange === null ? null : signedPercent(revenueChange),
    margin: money(margin(current)),
    tierChanges: tierChanges === null ? null : count(tierChanges),
    up: count(migration?.totals.up ?? 0),
    down: count(migration?.totals.down ?? 0),
    churn: count(kpis.churn[0]),
    churnChange: countChange(...kpis.churn),
    highRisk: count(kpis.highRisk[0]),
    highRiskChange: countChange(...kpis.highRisk),
    overdue: money(risk.total.overdueAmount),
    overdueChange: overdueBefore === null ? null : signedMoney(risk.total.overdueAmount - overdueBefore),
  });
  const row = (
    label: string,
    now: number,
    before: number | null,
    fmt: (x: number) => string,
    delta: (x: number) => string,
  ) => [
    label,
    fmt(now),
    before === null ? s.none : fmt(before),
    before === null ? s.none : delta(now - before),
  ];
  const labels = trend.map((p) => p.span.label);
  const chart = svgChart(
    {
      legend: { top: 0 },
      grid: { left: 90, right: 20, top: 36, bottom: 30 },
      tooltip: {},
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', axisLabel: { formatter: axisMoney(language) } },
      series: [
        {
          type: 'bar',
          name: t.revenue,
          color: ACCENT.primary,
          data: trend.map((p) => round2(TIERS.reduce((sum, tier) => sum + p.tiers[tier].revenue, 0))),
        },
        {
          type: 'line',
          name: t.margin,
          color: ACCENT.secondary,
          data: trend.map((p) => round2(TIERS.reduce((sum, tier) => sum + p.tiers[tier].margin, 0))),
        },
      ],
    },
    PAGE_WIDTH,
    240,
  );
  return section('summary', t.heading, [
    lead(text),
    figure(t.chartTitle, chart),
    table(
      [t.kpi, t.thisPeriod, s.previousPeriod, s.change],
      [
        row(t.customers, kpis.customers[0], kpis.customers[1], count, signedCount),
        row(t.revenue, revenueNow, revenueBefore, money, signedMoney),
        row(t.margin, margin(current), previous ? margin(previous) : null, money, signedMoney),
        [t.tierChanges, tierChanges === null ? s.none : count(tierChanges), s.none, s.none],
        row(t.churnWarnings, kpis.churn[0], kpis.churn[1], count, signedCount),
        row(t.highRisk, kpis.highRisk[0], kpis.highRisk[1], count, signedCount),
        row(t.overdue, risk.total.overdueAmount, overdueBefore, money, signedMoney),
      ],
    ),
  ]);
}
