import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { TIERS, type Tier } from '../../../src/contracts/tiering/tiers';
import { EChart } from '../charts/EChart';
import { formatDate, formatDateTime, formatNumber, NONE } from '../common/format';
import { tierName } from '../common/names';
import { TagChips, TierBadge } from '../common/TierBadge';
import { useI18n } from '../i18n/i18n';
import { LiveLabel } from './LiveTier';
import type { HistoryEntry } from './types';

/** Bronze at the bottom (0), platinum at the top (3). */
const LEVEL: Readonly<Record<Tier, number>> = { bronze: 0, silver: 1, gold: 2, platinum: 3 };
const BY_LEVEL: readonly Tier[] = [...TIERS].reverse();

/**
 * The customer's tier in every run as a step line (a gap where a run excluded them) with the score beside it,
 * and a table of the runs, whose dates open that run's explanation, and of the changes the event stream made
 * between them.
 */
export function TierHistory(props: { customerId: string; history: readonly HistoryEntry[]; runId: string }) {
  const { t, lang } = useI18n();
  const runs = useMemo(() => props.history.filter((h) => h.source === 'run'), [props.history]);
  const oldestFirst = useMemo(() => [...runs].reverse(), [runs]);

  const option = useMemo<EChartsOption>(() => {
    const label = (level: number) => {
      const tier = BY_LEVEL[level];
      return tier ? tierName(tier, lang) : '';
    };
    return {
      grid: { left: 64, right: 56, top: 32, bottom: 40 },
      legend: { top: 0, data: [t('customer.history.tier'), t('customer.score')] },
      tooltip: {
        trigger: 'axis',
        formatter: (params: unknown) => {
          const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
          const h = oldestFirst[first?.dataIndex ?? 0];
          if (!h) return '';
          return [
            `<b>${formatDate(h.asOf)}</b>`,
            `${t('customer.history.tier')}: ${h.tier ? tierName(h.tier, lang) : t('common.excluded')}`,
            `${t('customer.score')}: ${formatNumber(h.score, lang, 2)}`,
          ].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: oldestFirst.map((h) => formatDate(h.asOf)) },
      yAxis: [
        {
          type: 'value',
          min: 0,
          max: 3,
          interval: 1,
          axisLabel: { formatter: (v: number) => label(v) },
        },
        { type: 'value', name: t('customer.score'), splitLine: { show: false } },
      ],
      series: [
        {
          name: t('customer.history.tier'),
          type: 'line',
          step: 'end',
          connectNulls: false,
          symbolSize: 8,
          lineStyle: { width: 3, color: '#1d4ed8' },
          itemStyle: { color: '#1d4ed8' },
          data: oldestFirst.map((h) => (h.tier === null ? null : LEVEL[h.tier])),
        },
        {
          name: t('customer.score'),
          type: 'line',
          yAxisIndex: 1,
          symbolSize: 5,
          lineStyle: { type: 'dashed', color: '#a16207' },
          itemStyle: { color: '#a16207' },
          data: oldestFirst.map((h) => h.score),
        },
      ],
    };
  }, [oldestFirst, t, lang]);

  if (props.history.length === 0) return <p className="muted">{t('customer.history.none')}</p>;
  const latest = runs[0];
  return (
    <>
      <EChart
        option={option}
        height={240}
        label={t('customer.history.chartLabel', {
          runs: runs.length,
          tier: latest?.tier ? tierName(latest.tier, lang) : t('common.excluded'),
        })}
      />
      <details>
        <summary>{t('customer.history.table')}</summary>
        <div className="table-scroll">
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">{t('customer.history.asOf')}</th>
                <th scope="col">{t('customer.history.tier')}</th>
                <th scope="col" className="num">
                  {t('customer.score')}
                </th>
                <th scope="col">{t('customer.tags')}</th>
              </tr>
            </thead>
            <tbody>
              {props.history.map((h) => (
                <tr
                  key={`${h.source}:${h.causeEventId ?? h.runId}`}
                  aria-current={isShownRun(h, props.runId) ? 'true' : undefined}
                >
                  <th scope="row">
                    <EntryDate entry={h} customerId={props.customerId} shownRunId={props.runId} />
                  </th>
                  <td>
                    <TierBadge tier={h.tier} />
                  </td>
                  <td className="num">{h.score === null ? NONE : formatNumber(h.score, lang, 2)}</td>
                  <td>
                    <TagChips tags={h.tags} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

const isShownRun = (h: HistoryEntry, runId: string) => h.source === 'run' && h.runId === runId;

/**
 * A run's as-of day, a link to that run's view unless it is the one shown; a stream change's day, marked live,
 * with when it was decided and the event that caused it.
 */
function EntryDate(props: { entry: HistoryEntry; customerId: string; shownRunId: string }) {
  const { t } = useI18n();
  const h = props.entry;
  if (h.source === 'stream')
    return (
      <>
        {formatDate(h.asOf)} <LiveLabel />
        <div className="muted small">
          {t('customer.history.streamCause', { at: formatDateTime(h.at), event: h.causeEventId ?? NONE })}
        </div>
      </>
    );
  if (isShownRun(h, props.shownRunId)) return <>{formatDate(h.asOf)}</>;
  return (
    <Link to={`/customers/${encodeURIComponent(props.customerId)}?run=${encodeURIComponent(h.runId)}`}>
      {formatDate(h.asOf)}
    </Link>
  );
}
