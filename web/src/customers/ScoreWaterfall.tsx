import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { EChart } from '../charts/EChart';
import { formatNumber, formatSigned } from '../common/format';
import { tierName } from '../common/names';
import { useI18n } from '../i18n/i18n';
import { featureName } from './labels';
import type { Explanation } from './types';
import { waterfallStacks, waterfallSteps } from './waterfall';

const UP = '#15803d';
const DOWN = '#b42318';
const TOTAL = '#1d4ed8';

/**
 * The score as a waterfall of the primary model's terms (each term's contribution = normalised value × weight,
 * adding up to the score), with the score thresholds of the tiers in the customer's scope as dashed lines; the
 * table below gives every figure, including the feature's raw value and its change since the previous run.
 */
export function ScoreWaterfall({ explanation }: { explanation: Explanation }) {
  const { t, lang } = useI18n();
  const { contributions, boundaries } = explanation;

  const option = useMemo<EChartsOption>(() => {
    const steps = waterfallSteps(
      contributions.map((c) => ({ label: featureName(c.feature, t), contribution: c.contribution })),
      t('customer.score'),
    );
    const { base, positive, negative } = waterfallStacks(steps);
    const thresholds = boundaries.map((b) => b.minScore);
    const colour = (i: number) => {
      const kind = steps[i]?.kind;
      return kind === 'total' ? TOTAL : kind === 'down' ? DOWN : UP;
    };
    const coloured = (values: number[]) =>
      values.map((value, i) => ({ value, itemStyle: { color: colour(i) } }));
    const tooltip = (params: unknown) => {
      const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
      const i = first?.dataIndex ?? 0;
      const c = contributions[i];
      if (!c) return `${t('customer.score')}: ${formatNumber(explanation.score, lang, 2)}`;
      return [
        `<b>${featureName(c.feature, t)}</b>`,
        `${t('customer.col.value')}: ${c.value === null ? '—' : formatNumber(c.value, lang, 2)}`,
        `${t('customer.col.normalized')}: ${formatNumber(c.normalized, lang, 3)}`,
        `${t('customer.col.weight')}: ${formatNumber(c.weight, lang, 2)}`,
        `${t('customer.col.contribution')}: ${formatSigned(c.contribution, lang, 3)}`,
      ].join('<br/>');
    };
    return {
      grid: { left: 48, right: 96, top: 24, bottom: steps.length > 6 ? 72 : 40 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: tooltip },
      xAxis: {
        type: 'category',
        data: steps.map((s) => s.label),
        axisLabel: { interval: 0, rotate: steps.length > 6 ? 30 : 0 },
      },
      // Every tier threshold stays in view, even those above the customer's score.
      yAxis: {
        type: 'value',
        name: t('customer.score'),
        max: (extent) => Math.max(extent.max, ...thresholds),
      },
      series: [
        {
          name: 'base',
          type: 'bar',
          stack: 'waterfall',
          silent: true,
          itemStyle: { color: 'transparent' },
          emphasis: { disabled: true },
          data: base,
        },
        {
          name: t('customer.col.contribution'),
          type: 'bar',
          stack: 'waterfall',
          data: coloured(positive),
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { type: 'dashed', color: '#4a5366' },
            data: boundaries.map((b) => ({
              yAxis: b.minScore,
              label: {
                formatter: `${tierName(b.tier, lang)} ≥ ${formatNumber(b.minScore, lang, 2)}`,
                position: 'end' as const,
              },
            })),
          },
        },
        { name: 'below', type: 'bar', stack: 'waterfall', data: coloured(negative) },
      ],
    };
  }, [contributions, boundaries, explanation.score, t, lang]);

  if (contributions.length === 0) return <p className="muted">{t('customer.noContributions')}</p>;
  return (
    <>
      <EChart
        option={option}
        height={320}
        label={t('customer.waterfallLabel', {
          score: formatNumber(explanation.score, lang, 2),
          model: explanation.model,
        })}
      />
      <div className="table-scroll">
        <table className="compact">
          <caption className="visually-hidden">{t('customer.contributionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('customer.col.feature')}</th>
              <th scope="col" className="num">
                {t('customer.col.value')}
              </th>
              <th scope="col" className="num">
                {t('customer.col.normalized')}
              </th>
              <th scope="col" className="num">
                {t('customer.col.weight')}
              </th>
              <th scope="col" className="num">
                {t('customer.col.contribution')}
              </th>
              <th scope="col" className="num">
                {t('customer.col.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {contributions.map((c) => (
              <tr key={c.term}>
                <th scope="row">{featureName(c.feature, t)}</th>
                <td className="num">{formatNumber(c.value, lang, 2)}</td>
                <td className="num">{formatNumber(c.normalized, lang, 3)}</td>
                <td className="num">{formatNumber(c.weight, lang, 2)}</td>
                <td className="num">{formatSigned(c.contribution, lang, 3)}</td>
                <td className="num">{formatSigned(c.change, lang, 3)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('customer.score')}</th>
              <td colSpan={3} />
              <td className="num">{formatNumber(explanation.score, lang, 3)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
