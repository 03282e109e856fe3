import type { SatisfactionGroup, SatisfactionMetrics } from '../../../contracts/insights/satisfaction.js';
import { TIERS, type Tier } from '../../../contracts/tiering/tiers.js';
import type { Html } from '../html.js';
import { ACCENT } from '../report-colors.js';
import { svgChart, PAGE_WIDTH } from '../report-chart.js';
import { count, decimal, signedCount } from '../report-format.js';
import { chartGrid, figure, lead, note, section, table, type SectionContext } from '../report-layout.js';

/** Two charts side by side, as in the KPI section. */
const HALF_WIDTH = PAGE_WIDTH / 2 - 8;

const npsText = (m: SatisfactionMetrics | undefined) => (m?.nps == null ? null : decimal(m.nps, 1));
const signedNps = (x: number) => `${x > 0 ? '+' : x < 0 ? '-' : ''}${decimal(Math.abs(x), 1)}`;

/** Section 8: NPS and CSAT of the period's survey answers by tier against the previous period, detractors, trend. */
export function satisfactionSection({ data, s }: SectionContext): Html {
  const t = s.satisfaction;
  const { current, previous: before, trend } = data.satisfaction;
  const overall = current.overall;
  const detractors = data.current.tags.detractor;
  const text =
    overall.responses === 0
      ? t.noAnswers
      : t.text({
          answers: count(overall.responses),
          customers: count(overall.customers),
          nps: npsText(overall),
          npsChange:
            overall.nps !== null && before.overall.nps !== null
              ? signedNps(overall.nps - before.overall.nps)
              : null,
          csat: overall.csatMean === null ? null : decimal(overall.csatMean, 2),
        });
  const detractorsText = t.detractorsText({
    detractors: count(detractors),
    change: data.previous ? signedCount(detractors - data.previous.tags.detractor) : null,
  });
  const c = current.complaints;
  const complaintsText =
    c.withComplaints.nps === null || c.withoutComplaints.nps === null
      ? null
      : t.complaintsText({
          withNps: decimal(c.withComplaints.nps, 1),
          withoutNps: decimal(c.withoutComplaints.nps, 1),
          days: count(c.lookbackDays),
        });
  const keys: (Tier | null)[] = [...TIERS, ...(current.groups.some((g) => g.key === null) ? [null] : [])];
  const find = (groups: readonly SatisfactionGroup[], key: Tier | null) => groups.find((g) => g.key === key);
  const label = (key: Tier | null) => (key === null ? t.noTier : s.tier(key));
  const byTier = svgChart(
    {
      legend: { top: 0 },
      grid: { left: 44, right: 12, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: keys.map(label) },
      yAxis: { type: 'value', min: -100, max: 100 },
      series: [
        {
          type: 'bar',
          name: t.previousNps,
          color: ACCENT.muted,
          data: keys.map((k) => find(before.groups, k)?.nps ?? null),
        },
        {
          type: 'bar',
          name: t.nps,
          color: ACCENT.primary,
          data: keys.map((k) => find(current.groups, k)?.nps ?? null),
        },
      ],
    },
    HALF_WIDTH,
    220,
  );
  const byPeriod = svgChart(
    {
      grid: { left: 44, right: 12, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: trend.map((p) => p.span.label) },
      yAxis: { type: 'value', min: -100, max: 100 },
      series: [
        {
          type: 'line',
          name: t.nps,
          color: ACCENT.primary,
          data: trend.map((p) => p.overall.nps),
        },
      ],
    },
    HALF_WIDTH,
    220,
  );
  const cells = (m: SatisfactionMetrics | undefined, previousNps: string | null) => [
    count(m?.responses ?? 0),
    npsText(m) ?? s.none,
    previousNps ?? s.none,
    m?.csatMean == null ? s.none : decimal(m.csatMean, 2),
  ];
  return section('satisfaction', t.heading, [
    lead(`${text}${s.sentenceSeparator}${detractorsText}`),
    complaintsText ? lead(complaintsText) : '',
    overall.responses === 0 && before.overall.responses === 0
      ? ''
      : chartGrid([figure(t.chartTitle, byTier), figure(t.trendTitle, byPeriod)]),
    table(
      [s.tierColumn, t.answers, t.nps, t.previousNps, t.csat],
      keys.map((k) => [label(k), ...cells(find(current.groups, k), npsText(find(before.groups, k)))]),
      [s.total, ...cells(overall, npsText(before.overall))],
    ),
    note(t.note),
  ]);
}
