import type { Html } from '../html.js';
import { ACCENT, TIER_COLORS } from '../report-colors.js';
import { svgChart, PAGE_WIDTH } from '../report-chart.js';
import { axisMoney, count, money, signedCount, signedMoney } from '../report-format.js';
import { figure, lead, section, table, type SectionContext } from '../report-layout.js';
import type { RiskRow } from '../report-data.js';

/** Section 5: high-risk customers, overdue invoices and credit granted, and legal disputes, by tier. */
export function riskSection({ data, s, language }: SectionContext): Html {
  const t = s.risk;
  const { risk, previousRisk } = data;
  const total = risk.total;
  const text = t.text({
    highRisk: count(total.highRisk),
    highRiskChange: previousRisk ? signedCount(total.highRisk - previousRisk.total.highRisk) : null,
    overdueCustomers: count(total.overdueCustomers),
    overdue: money(total.overdueAmount),
    overdueChange: previousRisk ? signedMoney(total.overdueAmount - previousRisk.total.overdueAmount) : null,
    creditLimit: money(total.creditLimit),
    disputes: count(total.disputesOpen),
    disputing: count(total.disputingCustomers),
  });
  const label = (r: RiskRow) => (r.tier === null ? s.excluded : s.tier(r.tier));
  const chart = svgChart(
    {
      legend: { top: 0 },
      grid: { left: 70, right: 50, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: risk.rows.map(label) },
      yAxis: [
        { type: 'value', axisLabel: { formatter: axisMoney(language) } },
        { type: 'value', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          type: 'bar',
          name: t.overdueAmount,
          color: ACCENT.primary,
          data: risk.rows.map((r) => ({
            value: r.overdueAmount,
            itemStyle: { color: r.tier === null ? ACCENT.muted : TIER_COLORS[r.tier] },
          })),
        },
        {
          type: 'line',
          name: t.highRisk,
          yAxisIndex: 1,
          color: ACCENT.warning,
          data: risk.rows.map((r) => r.highRisk),
        },
      ],
    },
    PAGE_WIDTH,
    230,
  );
  const cells = (r: Omit<RiskRow, 'tier'>) => [
    count(r.customers),
    count(r.highRisk),
    count(r.overdueCustomers),
    money(r.overdueAmount),
    money(r.creditLimit),
    count(r.disputesOpen),
  ];
  return section('risk', t.heading, [
    lead(text),
    figure(t.chartTitle, chart),
    table(
      [s.tierColumn, t.customers, t.highRisk, t.overdueCustomers, t.overdueAmount, t.creditLimit, t.disputes],
      risk.rows.map((r) => [label(r), ...cells(r)]),
      [s.total, ...cells(total)],
    ),
  ]);
}
