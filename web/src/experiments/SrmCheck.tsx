import { formatNumber } from '../common/format';
import { useI18n } from '../i18n/i18n';
import { pValueText } from './metric-format';
import type { ExperimentResult } from './types';

/** The sample ratio check: fine in green; a mismatch as a warning, since it puts every figure below in doubt. */
export function SrmCheck({ srm }: { srm: ExperimentResult['srm'] }) {
  const { t, lang } = useI18n();
  const figures = t('experiments.srm.figures', {
    chi: formatNumber(srm.chiSquare, lang, 2),
    p: pValueText(srm.pValue),
  });
  return srm.mismatch ? (
    <p className="srm srm-mismatch" role="alert">
      <strong>⚠ {t('experiments.srm.mismatch')}</strong> {figures}
    </p>
  ) : (
    <p className="srm srm-ok" role="status">
      <strong>✓ {t('experiments.srm.ok')}</strong> {figures}
    </p>
  );
}
