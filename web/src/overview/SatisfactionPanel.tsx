import type { EChartsOption } from 'echarts';
import { useCallback, useMemo, useState } from 'react';
import type {
  Satisfaction,
  SatisfactionGroup,
  SatisfactionGrouping,
} from '../../../src/contracts/insights/satisfaction';
import { SATISFACTION_GROUPINGS } from '../../../src/contracts/insights/satisfaction';
import { query } from '../api/client';
import { EChart } from '../charts/EChart';
import { formatNumber } from '../common/format';
import { tierName } from '../common/names';
import { ErrorView, Loading } from '../common/states';
import { useApi } from '../common/use-api';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { TIER_COLORS } from './tier-colors';
import type { Tier } from '../../../src/contracts/tiering/tiers';

/** Groups the bar chart shows at most (cities and account managers with most answers first). */
const MAX_BARS = 12;
const PRIMARY = '#1d4ed8';

/**
 * 客户满意度: NPS by tier, city or account manager over the last 12 months of survey answers (bars), NPS per month
 * (the overall line, and one line per tier when grouped by tier), and the NPS of answers after a complaint.
 */
export function SatisfactionPanel() {
  const { t, lang } = useI18n();
  const [by, setBy] = useState<SatisfactionGrouping>('tier');
  const { data, error } = useApi<Satisfaction>(`/insights/satisfaction${query({ by })}`);
  const nps = (v: number | null) => formatNumber(v, lang, 1);
  const name = useCallback(
    (g: Pick<SatisfactionGroup, 'key' | 'label'>): string => {
      if (g.key === null) return t(`satisfaction.none.${by}` as MessageKey);
      if (by === 'tier') return tierName(g.key as Tier, lang);
      return by === 'rep' && g.label ? g.label : g.key;
    },
    [by, lang, t],
  );
  const groupTitle = t('satisfaction.byGroup', { group: t(`satisfaction.group.${by}` as MessageKey) });

  const bars = useMemo<EChartsOption | null>(() => {
    if (!data) return null;
    const groups = data.groups.filter((g) => g.npsResponses > 0).slice(0, MAX_BARS);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(Number(v), lang, 1) },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: groups.map(name),
        axisLabel: { interval: 0, rotate: by === 'tier' ? 0 : 30 },
      },
      yAxis: { type: 'value', min: -100, max: 100 },
      series: [
        {
          name: t('satisfaction.nps'),
          type: 'bar',
          data: groups.map((g) => ({
            value: g.nps ?? 0,
            itemStyle: {
              color: by === 'tier' && g.key !== null ? TIER_COLORS[g.key as Tier] : PRIMARY,
            },
          })),
        },
      ],
    };
  }, [data, lang, t, by, name]);

  const trend = useMemo<EChartsOption | null>(() => {
    if (!data) return null;
    const months = data.months.map((m) => m.month);
    const perTier =
      data.by === 'tier'
        ? data.groups
            .filter((g) => g.key !== null)
            .map((g) => ({
              name: name(g),
              type: 'line' as const,
              connectNulls: true,
              color: TIER_COLORS[g.key as Tier],
              data: months.map(
                (m) => data.groupMonths.find((x) => x.key === g.key && x.month === m)?.nps ?? null,
              ),
            }))
        : [];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(Number(v), lang, 1) },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', min: -100, max: 100 },
      series: [
        {
          name: t('satisfaction.overall'),
          type: 'line',
          color: PRIMARY,
          lineStyle: { width: 3 },
          connectNulls: true,
          data: data.months.map((m) => m.nps),
        },
        ...perTier,
      ],
    };
  }, [data, lang, t, name]);

  return (
    <section className="card" aria-labelledby="overview-satisfaction">
      <div className="insights-card-head">
        <h2 id="overview-satisfaction">{t('satisfaction.title')}</h2>
        <label>
          {t('satisfaction.by')}{' '}
          <select value={by} onChange={(e) => setBy(e.target.value as SatisfactionGrouping)}>
            {SATISFACTION_GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {t(`satisfaction.by.${g}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error !== undefined ? (
        <ErrorView error={error} />
      ) : !data || !bars || !trend ? (
        <Loading />
      ) : data.overall.responses === 0 ? (
        <p className="insights-note">{t('satisfaction.empty')}</p>
      ) : (
        <>
          <p className="insights-note">
            {t('satisfaction.summary', {
              from: data.from,
              to: data.to,
              answers: formatNumber(data.overall.responses, lang),
              customers: formatNumber(data.overall.customers, lang),
              nps: nps(data.overall.nps),
              csat: formatNumber(data.overall.csatMean, lang, 2),
              csatAnswers: formatNumber(data.overall.csatResponses, lang),
            })}{' '}
            {t('satisfaction.complaints', {
              days: data.complaints.lookbackDays,
              withNps: nps(data.complaints.withComplaints.nps),
              withAnswers: formatNumber(data.complaints.withComplaints.npsResponses, lang),
              withoutNps: nps(data.complaints.withoutComplaints.nps),
            })}
          </p>
          <div className="grid-2">
            <div>
              <h3>{groupTitle}</h3>
              <EChart option={bars} label={groupTitle} height={240} />
            </div>
            <div>
              <h3>{t('satisfaction.trend')}</h3>
              <EChart option={trend} label={t('satisfaction.trend')} height={240} />
            </div>
          </div>
          <div className="insights-table-wrap">
            <table>
              <caption className="insights-sr-only">{t('satisfaction.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`satisfaction.column.${by}` as MessageKey)}</th>
                  <th scope="col" className="num">
                    {t('satisfaction.answers')}
                  </th>
                  <th scope="col" className="num">
                    {t('satisfaction.nps')}
                  </th>
                  <th scope="col" className="num">
                    {t('satisfaction.csat')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.groups.slice(0, MAX_BARS).map((g) => (
                  <tr key={g.key ?? ''}>
                    <th scope="row">{name(g)}</th>
                    <td className="num">{formatNumber(g.responses, lang)}</td>
                    <td className="num">{nps(g.nps)}</td>
                    <td className="num">{formatNumber(g.csatMean, lang, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="insights-note">{t('satisfaction.method')}</p>
        </>
      )}
    </section>
  );
}
