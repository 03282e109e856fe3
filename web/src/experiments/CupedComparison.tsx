import { formatShare } from '../common/format';
import { useI18n } from '../i18n/i18n';
import { metricLabel } from './labels';
import { formatInterval, formatMetricChange, formatMetricValue, metricKind } from './metric-format';
import type { EffectSummary, VariantComparison } from './types';

/** The primary metric without and with CUPED: what the pre-period covariate did to the interval. */
export function CupedComparison({ comparison }: { comparison: VariantComparison }) {
  const { t, lang } = useI18n();
  const raw = comparison.unadjusted;
  const adjusted = comparison.effects.find((e) => e.metric === raw.metric);
  const kind = metricKind(raw.metric);
  const row = (name: string, e: EffectSummary) => (
    <tr key={name}>
      <th scope="row">{name}</th>
      <td className="num">{formatMetricChange(kind, e.estimate, lang)}</td>
      <td className="num">{formatInterval(kind, e.ciLow, e.ciHigh, lang)}</td>
      <td className="num">{formatMetricValue(kind, e.ciHigh - e.ciLow, lang)}</td>
    </tr>
  );
  return (
    <div className="table-scroll">
      <table className="compact cuped">
        <caption>{t('experiments.cupedCaption', { metric: metricLabel(raw.metric, t) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('experiments.col.method')}</th>
            <th scope="col" className="num">
              {t('experiments.col.difference')}
            </th>
            <th scope="col" className="num">
              {t('experiments.col.interval')}
            </th>
            <th scope="col" className="num">
              {t('experiments.col.width')}
            </th>
          </tr>
        </thead>
        <tbody>
          {row(t('experiments.unadjusted'), raw)}
          {adjusted ? row(adjusted.cuped ? 'CUPED' : t('experiments.unadjusted'), adjusted) : null}
        </tbody>
      </table>
      <p className="muted small">
        {t('experiments.varianceReduction', { share: formatShare(comparison.varianceReduction, lang) })}
      </p>
    </div>
  );
}
