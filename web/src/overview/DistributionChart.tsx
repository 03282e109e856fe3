import type { ECElementEvent, EChartsOption } from 'echarts';
import { useCallback, useMemo } from 'react';
import type { DistributionRow } from '../../../src/contracts/insights/overview';
import { TIERS } from '../../../src/contracts/tiering/tiers';
import { EChart } from '../charts/EChart';
import { formatNumber } from '../common/format';
import { tierName } from '../common/names';
import { useI18n } from '../i18n/i18n';
import { TIER_COLORS } from './tier-colors';

/**
 * Tiered customers per attribute value as horizontal bars stacked by tier, largest first (at most `max` values,
 * the rest summed up as "other"). `onSelect` receives the clicked value.
 */
export function DistributionChart(props: {
  rows: readonly DistributionRow[];
  label: string;
  max?: number;
  valueName?: (value: string) => string;
  onSelect?: (value: string) => void;
}) {
  const { t, lang } = useI18n();
  const { rows, max = 15, valueName, onSelect } = props;
  const shown = useMemo(() => {
    if (rows.length <= max) return rows;
    const rest = rows.slice(max - 1);
    const tiers = { platinum: 0, gold: 0, silver: 0, bronze: 0 };
    for (const r of rest) for (const tier of TIERS) tiers[tier] += r.tiers[tier];
    const other = { value: t('overview.dist.other'), total: rest.reduce((a, r) => a + r.total, 0), tiers };
    return [...rows.slice(0, max - 1), other];
  }, [rows, max, t]);
  const option = useMemo<EChartsOption>(() => {
    // Largest on top: a category y axis draws its first value at the bottom.
    const ordered = [...shown].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: ordered.map((r) => (valueName ? valueName(r.value) : r.value)),
        triggerEvent: true,
      },
      series: TIERS.map((tier) => ({
        name: tierName(tier, lang),
        type: 'bar',
        stack: 'tiers',
        itemStyle: { color: TIER_COLORS[tier] },
        emphasis: { focus: 'series' },
        cursor: onSelect ? 'pointer' : 'default',
        data: ordered.map((r) => r.tiers[tier]),
      })),
    };
  }, [shown, lang, valueName, onSelect]);
  const onClick = useCallback(
    (e: ECElementEvent) => {
      if (!onSelect) return;
      // A bar gives its dataIndex; a click on an axis label gives its text.
      const ordered = [...shown].reverse();
      const value =
        e.componentType === 'series'
          ? ordered[e.dataIndex]?.value
          : (e as unknown as { value?: string }).value;
      const row = ordered.find((r) => r.value === value || (valueName && valueName(r.value) === value));
      if (row && row.value !== t('overview.dist.other')) onSelect(row.value);
    },
    [onSelect, shown, valueName, t],
  );
  const height = Math.max(200, shown.length * 28 + 70);
  const summary = shown
    .slice(0, 5)
    .map((r) => `${valueName ? valueName(r.value) : r.value} ${formatNumber(r.total, lang)}`)
    .join(', ');
  return (
    <EChart
      option={option}
      label={`${props.label}: ${summary}`}
      height={height}
      onClick={onSelect ? onClick : undefined}
    />
  );
}
