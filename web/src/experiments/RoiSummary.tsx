import { formatMoney, formatMoneyChange } from '../common/format';
import { useI18n } from '../i18n/i18n';
import type { VariantComparison } from './types';

/** The variant's return: incremental margin minus what the policy cost, in yuan, with the net's interval. */
export function RoiSummary({ comparison }: { comparison: VariantComparison }) {
  const { t, lang } = useI18n();
  const { roi } = comparison;
  return (
    <dl className="inline-dl roi" aria-label={t('experiments.roiTitle', { variant: comparison.variant })}>
      <dt>{t('experiments.roi.incrementalMargin')}</dt>
      <dd>{formatMoneyChange(roi.incrementalMargin, lang)}</dd>
      <dt>{t('experiments.roi.policyCost')}</dt>
      <dd>{formatMoney(roi.policyCost, lang)}</dd>
      <dt>{t('experiments.roi.net')}</dt>
      <dd>
        <strong className={roi.ciLow > 0 ? 'ok' : roi.ciHigh < 0 ? 'error' : undefined}>
          {formatMoneyChange(roi.net, lang)}
        </strong>{' '}
        <span className="muted">
          [{formatMoneyChange(roi.ciLow, lang)}, {formatMoneyChange(roi.ciHigh, lang)}]
        </span>
      </dd>
    </dl>
  );
}
