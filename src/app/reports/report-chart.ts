import { init, type EChartsOption } from 'echarts';
import { trusted, type Html } from './html.js';

/** Printable width of an A4 page at 96 dpi with the report's margins. */
export const PAGE_WIDTH = 680;

const FONT = `'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif`;

/**
 * A chart as inline SVG by ECharts' server-side rendering (no DOM, no canvas), without animation; the chart is
 * disposed at once (a live one keeps timers that hold the process). ECharts escapes the texts it writes.
 */
export function svgChart(option: EChartsOption, width: number, height: number): Html {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return trusted(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}
