import type { EChartsOption } from 'echarts';
import type { CategoryShare } from '../../../src/contracts/profiles/purchase-profile';

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/**
 * Horizontal bars of each category's share of the customer's net amount beside the peers' share, in percent,
 * the largest share on top (a category y axis draws its first value at the bottom, so the order is reversed).
 * Without peers the peers' bars are left out.
 */
export function categoryShareOption(
  categories: readonly CategoryShare[],
  names: { customer: string; peers: string },
): EChartsOption {
  const ordered = [...categories].reverse();
  const withPeers = categories.some((c) => c.peerShare !== null);
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)}%` },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: ordered.map((c) => c.category) },
    series: [
      {
        name: names.customer,
        type: 'bar',
        itemStyle: { color: '#1d4ed8' },
        data: ordered.map((c) => percent(c.share ?? 0)),
      },
      ...(withPeers
        ? [
            {
              name: names.peers,
              type: 'bar' as const,
              itemStyle: { color: '#cbd5e1' },
              data: ordered.map((c) => percent(c.peerShare)),
            },
          ]
        : []),
    ],
  };
}

/** Vertical bars of the share of orders placed on each weekday, Monday first, in percent. */
export function weekdayOption(
  byWeekday: readonly number[],
  labels: readonly string[],
  name: string,
): EChartsOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}%` },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [...labels] },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [{ name, type: 'bar', itemStyle: { color: '#1d4ed8' }, data: byWeekday.map(percent) }],
  };
}
