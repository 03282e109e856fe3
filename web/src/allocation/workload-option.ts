import type { EChartsOption } from 'echarts';
import type { OwnerSummary } from './types';

/** Owners by utilisation, highest first (then by id): the order of the workload chart. */
export function byUtilisation(owners: readonly OwnerSummary[]): OwnerSummary[] {
  const u = (o: OwnerSummary) => (o.capacity > 0 ? o.workload / o.capacity : o.workload > 0 ? Infinity : 0);
  return [...owners].sort((a, b) => u(b) - u(a) || a.id.localeCompare(b.id));
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Horizontal bars of each owner's workload with their capacity beside it, highest utilisation on top (a category
 * y axis draws its first value at the bottom, so the order is reversed).
 */
export function workloadOption(
  owners: readonly OwnerSummary[],
  names: { workload: string; capacity: string },
): EChartsOption {
  const ordered = byUtilisation(owners).reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: ordered.map((o) => `${o.name} ${o.id}`) },
    series: [
      {
        name: names.workload,
        type: 'bar',
        itemStyle: { color: '#1d4ed8' },
        data: ordered.map((o) => ({
          value: round1(o.workload),
          itemStyle: o.workload > o.capacity + 1e-6 ? { color: '#b42318' } : undefined,
        })),
      },
      {
        name: names.capacity,
        type: 'bar',
        itemStyle: { color: '#cbd5e1' },
        data: ordered.map((o) => round1(o.capacity)),
      },
    ],
  };
}
