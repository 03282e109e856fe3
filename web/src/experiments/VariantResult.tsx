import type { ExperimentMetric } from '../../../src/contracts/experiments/experiment-spec';
import { formatNumber } from '../common/format';
import { useI18n } from '../i18n/i18n';
import { CupedComparison } from './CupedComparison';
import { EffectsChart } from './EffectsChart';
import { EffectTable } from './EffectTable';
import { RoiSummary } from './RoiSummary';
import type { VariantComparison } from './types';

/** One treatment against the control: the effect table, the chart, CUPED on the primary metric, the ROI. */
export function VariantResult(props: {
  comparison: VariantComparison;
  control: string;
  primaryMetric: ExperimentMetric;
}) {
  const { t, lang } = useI18n();
  const c = props.comparison;
  const id = `variant-${c.variant.replace(/[^\w-]/g, '_')}`;
  return (
    <section className="variant-result" aria-labelledby={id}>
      <h3 id={id}>
        {t('experiments.variantTitle', { variant: c.variant, control: props.control })}{' '}
        <span className="muted small">
          {t('experiments.variantSize', {
            units: formatNumber(c.units, lang),
            customers: formatNumber(c.customers, lang),
          })}
        </span>
      </h3>
      <EffectTable comparison={c} control={props.control} primaryMetric={props.primaryMetric} />
      <EffectsChart comparison={c} />
      <div className="grid-2">
        <div>
          <h4>{t('experiments.cupedTitle')}</h4>
          <CupedComparison comparison={c} />
        </div>
        <div>
          <h4>{t('experiments.roiTitle', { variant: c.variant })}</h4>
          <RoiSummary comparison={c} />
          <p className="muted small">{t('experiments.roiHelp')}</p>
        </div>
      </div>
    </section>
  );
}
