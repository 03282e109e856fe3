import type { ExperimentMetric } from '../../../src/contracts/experiments/experiment-spec';
import { useI18n } from '../i18n/i18n';
import { metricLabel } from './labels';
import {
  formatInterval,
  formatMetricChange,
  formatMetricValue,
  formatPValue,
  metricKind,
} from './metric-format';
import type { VariantComparison } from './types';

/** Every metric of one treatment against the control: the arms' means, the difference with its 95 % interval. */
export function EffectTable({
  comparison,
  control,
  primaryMetric,
}: {
  comparison: VariantComparison;
  control: string;
  primaryMetric: ExperimentMetric;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="table-scroll">
      <table className="compact effects">
        <caption>{t('experiments.effectsCaption', { variant: comparison.variant, control })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('experiments.col.metric')}</th>
            <th scope="col" className="num">
              {t('experiments.col.controlMean')}
            </th>
            <th scope="col" className="num">
              {t('experiments.col.treatmentMean')}
            </th>
            <th scope="col" className="num">
              {t('experiments.col.difference')}
            </th>
            <th scope="col" className="num">
              {t('experiments.col.interval')}
            </th>
            <th scope="col" className="num">
              {t('experiments.col.pValue')}
            </th>
            <th scope="col">{t('experiments.col.method')}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.effects.map((e) => {
            const kind = metricKind(e.metric);
            return (
              <tr key={e.metric}>
                <th scope="row">
                  {metricLabel(e.metric, t)}
                  {e.metric === primaryMetric ? (
                    <span className="badge primary-badge">{t('experiments.primary')}</span>
                  ) : null}
                </th>
                <td className="num">{formatMetricValue(kind, e.control, lang)}</td>
                <td className="num">{formatMetricValue(kind, e.treatment, lang)}</td>
                <td className="num">
                  <strong>{formatMetricChange(kind, e.estimate, lang)}</strong>
                </td>
                <td className="num">{formatInterval(kind, e.ciLow, e.ciHigh, lang)}</td>
                <td className="num">{formatPValue(e.pValue)}</td>
                <td>
                  {e.cuped ? (
                    <span className="badge cuped-badge" title={t('experiments.cupedHelp')}>
                      CUPED
                    </span>
                  ) : (
                    <span className="muted small">{t('experiments.unadjusted')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
