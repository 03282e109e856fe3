import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import type { ClvByTier } from '../../../src/contracts/insights/overview';
import { EChart } from '../charts/EChart';
import { formatMoney, formatNumber } from '../common/format';
import { pickName } from '../common/names';
import { useI18n } from '../i18n/i18n';
import { TIER_COLORS } from './tier-colors';

/** Lifetime value by tier (the documented proxy until a CLV model exists), with its two factors in a table. */
export function ClvChart({ clv }: { clv: readonly ClvByTier[] }) {
  const { t, lang } = useI18n();
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => formatMoney(Number(v), lang) },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: clv.map((c) => pickName(c.name, lang)) },
      yAxis: { type: 'value' },
      series: [
        {
          name: t('overview.clv.value'),
          type: 'bar',
          data: clv.map((c) => ({ value: c.value ?? 0, itemStyle: { color: TIER_COLORS[c.tier] } })),
        },
      ],
    }),
    [clv, lang, t],
  );
  return (
    <section className="card" aria-labelledby="overview-clv">
      <h2 id="overview-clv">{t('overview.clv.title')}</h2>
      <EChart option={option} label={t('overview.clv.title')} height={220} />
      <div className="insights-table-wrap">
        <table>
          <caption className="insights-sr-only">{t('overview.clv.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.col.tier')}</th>
              <th scope="col" className="num">
                {t('overview.clv.annual')}
              </th>
              <th scope="col" className="num">
                {t('overview.clv.tenure')}
              </th>
              <th scope="col" className="num">
                {t('overview.clv.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            {clv.map((c) => (
              <tr key={c.tier}>
                <th scope="row">{pickName(c.name, lang)}</th>
                <td className="num">{formatMoney(c.avgAnnualNetRevenue, lang)}</td>
                <td className="num">{formatNumber(c.avgTenureYears, lang, 1)}</td>
                <td className="num">{formatMoney(c.value, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="insights-note">{t('overview.clv.method')}</p>
    </section>
  );
}
