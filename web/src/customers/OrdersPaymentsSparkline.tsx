import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { EChart } from '../charts/EChart';
import { formatMoney } from '../common/format';
import { useI18n } from '../i18n/i18n';
import type { MonthPoint } from './types';

/** Orders per month as bars, net purchases, payments and overdue amounts as lines: a compact 12-month view. */
export function OrdersPaymentsSparkline({ series }: { series: readonly MonthPoint[] }) {
  const { t, lang } = useI18n();
  const option = useMemo<EChartsOption>(
    () => ({
      animation: false,
      grid: { left: 56, right: 48, top: 28, bottom: 24 },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => (typeof v === 'number' ? formatMoney(v, lang) : String(v)),
      },
      xAxis: { type: 'category', data: series.map((p) => p.month), axisLabel: { fontSize: 10 } },
      yAxis: [
        { type: 'value', axisLabel: { fontSize: 10 } },
        { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 }, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('customer.series.orders'),
          type: 'bar',
          yAxisIndex: 1,
          data: series.map((p) => p.orders),
          itemStyle: { color: '#cbd5e1' },
          tooltip: { valueFormatter: (v) => String(v) },
        },
        {
          name: t('customer.series.net'),
          type: 'line',
          data: series.map((p) => p.netPurchases),
          color: '#1d4ed8',
        },
        { name: t('customer.series.paid'), type: 'line', data: series.map((p) => p.paid), color: '#15803d' },
        {
          name: t('customer.series.overdue'),
          type: 'line',
          data: series.map((p) => p.overdue),
          color: '#b42318',
        },
      ],
    }),
    [series, t, lang],
  );
  return <EChart option={option} label={t('customer.series.label')} height={220} />;
}
