import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import type { EffectSummary } from '../../../src/contracts/experiments/experiment-result';

/** An effect as a percentage of the control's mean, with its 95 % interval. */
export interface RelativeEffect {
  readonly label: string;
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The effects relative to the control mean in %, so that yuan, orders per month and shares share one axis. A
 * metric whose control mean is 0 has no relative effect and is left out (returned in `omitted`).
 */
export function relativeEffects(
  effects: readonly EffectSummary[],
  label: (e: EffectSummary) => string,
): { shown: RelativeEffect[]; omitted: string[] } {
  const shown: RelativeEffect[] = [];
  const omitted: string[] = [];
  for (const e of effects) {
    const base = Math.abs(e.control);
    if (base < 1e-9) omitted.push(label(e));
    else
      shown.push({
        label: label(e),
        estimate: round1((100 * e.estimate) / base),
        low: round1((100 * e.ciLow) / base),
        high: round1((100 * e.ciHigh) / base),
      });
  }
  return { shown, omitted };
}

/** The whiskers of the intervals: a line from low to high with caps, on the metric's row. */
const whisker: CustomSeriesRenderItem = (_params, api) => {
  const row = api.value(2);
  const from = api.coord([api.value(0), row]);
  const to = api.coord([api.value(1), row]);
  const band = api.size?.([0, 1]);
  const cap = Array.isArray(band) ? Math.min(10, (band[1] ?? 20) * 0.25) : 8;
  const style = { stroke: '#1d4ed8', lineWidth: 2 };
  const line = (x1: number, y1: number, x2: number, y2: number) => ({
    type: 'line' as const,
    shape: { x1, y1, x2, y2 },
    style,
  });
  const [x1 = 0, y = 0] = from;
  const [x2 = 0] = to;
  return {
    type: 'group',
    children: [line(x1, y, x2, y), line(x1, y - cap, x1, y + cap), line(x2, y - cap, x2, y + cap)],
  };
};

/**
 * A horizontal forest plot: one row per metric (the first on top), the point estimate as a dot, the 95 % interval
 * as a whisker, and a line at 0 (no effect). Intervals that exclude 0 are drawn darker.
 */
export function effectsOption(
  effects: readonly RelativeEffect[],
  names: { estimate: string; interval: string },
): EChartsOption {
  const rows = [...effects].reverse();
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const item = Array.isArray(p) ? p[0] : p;
        const e = rows[item?.dataIndex ?? 0];
        return e ? `${e.label}: ${e.estimate}% [${e.low}%, ${e.high}%]` : '';
      },
    },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((e) => e.label) },
    series: [
      {
        name: names.interval,
        type: 'custom',
        renderItem: whisker,
        encode: { x: [0, 1], y: 2 },
        data: rows.map((e, i) => [e.low, e.high, i]),
        z: 1,
      },
      {
        name: names.estimate,
        type: 'scatter',
        symbolSize: 11,
        data: rows.map((e) => ({
          value: [e.estimate, e.label],
          itemStyle: { color: e.low > 0 || e.high < 0 ? '#1e3a8a' : '#60a5fa' },
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#4a5366', type: 'dashed' },
          label: { show: false },
          data: [{ xAxis: 0 }],
        },
        z: 2,
      },
    ],
  };
}
