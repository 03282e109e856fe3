import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import type { Overview } from '../../../src/contracts/insights/overview';
import { EChart } from '../charts/EChart';
import { formatMoney, formatNumber, formatShare, formatSigned } from '../common/format';
import { pickName } from '../common/names';
import { TierBadge } from '../common/TierBadge';
import { useI18n } from '../i18n/i18n';
import { ChangeArrow } from './ChangeArrow';
import { TIER_COLORS } from './tier-colors';

/** Customers and net revenue per tier: their shares side by side in a bar chart, and the figures in a table. */
export function ShareSection({ overview }: { overview: Overview }) {
  const { t, lang } = useI18n();
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => formatShare(Number(v), lang) },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: overview.tiers.map((x) => pickName(x.name, lang)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      series: [
        {
          name: t('overview.share.customers'),
          type: 'bar',
          // The legend's colour; each bar has its tier's.
          itemStyle: { color: '#4a5366' },
          data: overview.tiers.map((x) => ({
            value: x.customerShare,
            itemStyle: { color: TIER_COLORS[x.tier] },
          })),
        },
        {
          name: t('overview.share.revenue'),
          type: 'bar',
          itemStyle: { color: '#4a5366', opacity: 0.55 },
          data: overview.tiers.map((x) => ({
            value: x.revenueShare,
            itemStyle: { color: TIER_COLORS[x.tier], opacity: 0.55 },
          })),
        },
      ],
    }),
    [overview, lang, t],
  );
  return (
    <section className="card" aria-labelledby="overview-shares">
      <h2 id="overview-shares">{t('overview.share.title')}</h2>
      <EChart option={option} label={t('overview.share.chartLabel')} height={260} />
      <div className="insights-table-wrap">
        <table>
          <caption className="insights-sr-only">{t('overview.share.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.col.tier')}</th>
              <th scope="col" className="num">
                {t('overview.col.customers')}
              </th>
              <th scope="col" className="num">
                {t('overview.col.customerShare')}
              </th>
              <th scope="col" className="num">
                {t('overview.col.revenue')}
              </th>
              <th scope="col" className="num">
                {t('overview.col.revenueShare')}
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.tiers.map((x) => (
              <tr key={x.tier}>
                <th scope="row">
                  <TierBadge tier={x.tier} />
                </th>
                <td className="num">
                  {formatNumber(x.customers, lang)}{' '}
                  <ChangeArrow
                    change={x.previous ? x.customers - x.previous.customers : null}
                    format={(v) => formatSigned(v, lang, 0)}
                    better="neutral"
                  />
                </td>
                <td className="num">{formatShare(x.customerShare, lang)}</td>
                <td className="num">{formatMoney(x.revenue, lang)}</td>
                <td className="num">{formatShare(x.revenueShare, lang)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('overview.excluded')}</th>
              <td className="num">{formatNumber(overview.excluded.customers, lang)}</td>
              <td className="num">{formatShare(overview.excluded.customerShare, lang)}</td>
              <td className="num">{formatMoney(overview.excluded.revenue, lang)}</td>
              <td className="num">{formatShare(overview.excluded.revenueShare, lang)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="insights-note">{t('overview.share.note')}</p>
    </section>
  );
}
