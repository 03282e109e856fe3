import type { CustomSeriesRenderItem } from 'echarts';
import type {
  EffectSummary,
  ExperimentResultSummary,
  VariantComparison,
} from '../../../contracts/experiments/experiment-result.js';
import type { ExperimentMetric } from '../../../contracts/experiments/experiment-spec.js';
import { html, type Html } from '../html.js';
import { ACCENT } from '../report-colors.js';
import { svgChart, PAGE_WIDTH } from '../report-chart.js';
import { count, decimal, percent, signedMoney, signedPoints } from '../report-format.js';
import { figure, lead, note, section, subheading, table, type SectionContext } from '../report-layout.js';
import type { ReportStrings } from '../report-strings.js';

/** Significance level of the sentences (the interval is the 95 % one). */
const ALPHA = 0.05;

const signedDecimal = (x: number) => `${x > 0 ? '+' : x < 0 ? '-' : ''}${decimal(Math.abs(x), 2)}`;

/** A difference in a metric's own unit: yuan, orders, or percentage points of a rate. */
function effectFormat(s: ReportStrings, metric: ExperimentMetric): (x: number) => string {
  switch (metric) {
    case 'gmv':
    case 'margin':
      return signedMoney;
    case 'orders_per_month':
      return signedDecimal;
    case 'repurchase':
    case 'churned':
    case 'overdue_rate':
      return (x) => s.points(signedPoints(x));
  }
}

const pValue = (p: number) => (p < 0.001 ? '< 0.001' : p.toFixed(3));

/** The primary metric's effect of a variant (CUPED-adjusted when the analysis used it). */
const primaryEffect = (e: ExperimentResultSummary, c: VariantComparison): EffectSummary =>
  c.effects.find((x) => x.metric === e.primaryMetric) ?? c.unadjusted;

/** A forest plot: per variant, the estimate and its interval, with the line of no effect. */
function forestPlot(s: ReportStrings, e: ExperimentResultSummary): Html {
  const fmt = effectFormat(s, e.primaryMetric);
  const effects = e.comparisons.map((c) => primaryEffect(e, c));
  const renderItem: CustomSeriesRenderItem = (_params, api) => {
    const y = Number(api.value(0));
    const [x1, yy] = api.coord([api.value(1), y]) as [number, number];
    const [x2] = api.coord([api.value(3), y]) as [number, number];
    const [xe] = api.coord([api.value(2), y]) as [number, number];
    const stroke = { stroke: ACCENT.primary, lineWidth: 2 };
    return {
      type: 'group',
      children: [
        { type: 'line', shape: { x1, y1: yy, x2, y2: yy }, style: stroke },
        { type: 'line', shape: { x1, y1: yy - 6, x2: x1, y2: yy + 6 }, style: stroke },
        { type: 'line', shape: { x1: x2, y1: yy - 6, x2, y2: yy + 6 }, style: stroke },
        { type: 'circle', shape: { cx: xe, cy: yy, r: 5 }, style: { fill: ACCENT.primary } },
      ],
    };
  };
  return svgChart(
    {
      grid: { left: 110, right: 30, top: 16, bottom: 30 },
      xAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => fmt(v) } },
      yAxis: { type: 'category', data: e.comparisons.map((c) => c.variant) },
      series: [
        {
          type: 'custom',
          renderItem,
          encode: { x: [1, 2, 3], y: 0 },
          data: effects.map((f, i) => [i, f.ciLow, f.estimate, f.ciHigh]),
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: ACCENT.muted, type: 'dashed' },
            label: { show: false },
            data: [{ xAxis: 0 }],
          },
        },
      ],
    },
    PAGE_WIDTH,
    60 + 36 * e.comparisons.length,
  );
}

function experimentBlock(s: ReportStrings, e: ExperimentResultSummary): Html {
  const t = s.experiments;
  const fmt = effectFormat(s, e.primaryMetric);
  const texts = e.comparisons.map((c) => {
    const f = primaryEffect(e, c);
    return t.text({
      name: e.name,
      variant: c.variant,
      metric: s.metric(e.primaryMetric),
      effect: fmt(f.estimate),
      ciLow: fmt(f.ciLow),
      ciHigh: fmt(f.ciHigh),
      p: pValue(f.pValue),
      significant: f.pValue < ALPHA,
      cuped: f.cuped,
      roi: signedMoney(c.roi.net),
    });
  });
  const rows = e.comparisons.map((c) => {
    const f = primaryEffect(e, c);
    return [
      c.variant,
      `${count(c.units)} / ${count(e.control.units)}`,
      fmt(f.estimate),
      `[${fmt(f.ciLow)}, ${fmt(f.ciHigh)}]`,
      pValue(f.pValue),
      t.cupedCell(f.cuped, percent(c.varianceReduction)),
      `${signedMoney(c.roi.net)} [${signedMoney(c.roi.ciLow)}, ${signedMoney(c.roi.ciHigh)}]`,
    ];
  });
  return html`${subheading(t.title({ name: e.name, unit: s.unit(e.unit), start: e.start, end: e.end }))}${lead(texts.join(s.sentenceSeparator))}${
    e.srm.mismatch ? html`<p class="warning">${t.srmWarning(e.name, pValue(e.srm.pValue))}</p>` : ''
  }${figure(`${t.chartTitle}: ${s.metric(e.primaryMetric)}`, forestPlot(s, e))}${table(
    [t.variant, t.units, t.effect, t.ci, t.pValue, t.cuped, t.roi],
    rows,
  )}${note(`${t.srm}: χ² = ${decimal(e.srm.chiSquare, 2)}, p = ${pValue(e.srm.pValue)}`)}${
    e.caveats.length > 0 ? note(`${t.caveats}: ${e.caveats.join(s.sentenceSeparator || ' ')}`) : ''
  }`;
}

/** Section 7: per experiment, the primary metric's effect with its interval, p-value, CUPED, ROI and SRM check. */
export function experimentsSection({ data, s }: SectionContext): Html {
  const t = s.experiments;
  if (data.experiments.length === 0) return section('experiments', t.heading, [lead(t.none)]);
  return section(
    'experiments',
    t.heading,
    data.experiments.map((e) => experimentBlock(s, e)),
  );
}
