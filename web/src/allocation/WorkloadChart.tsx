import { useMemo } from 'react';
import { EChart } from '../charts/EChart';
import { formatNumber, formatShare } from '../common/format';
import { useI18n } from '../i18n/i18n';
import type { OwnerSummary } from './types';
import { byUtilisation, workloadOption } from './workload-option';

/** Each owner's workload against their capacity, highest utilisation first. */
export function WorkloadChart({ owners }: { owners: readonly OwnerSummary[] }) {
  const { t, lang } = useI18n();
  const option = useMemo(
    () => workloadOption(owners, { workload: t('allocation.workload'), capacity: t('allocation.capacity') }),
    [owners, t],
  );
  const summary = byUtilisation(owners)
    .slice(0, 5)
    .map(
      (o) =>
        `${o.name} ${formatNumber(o.workload, lang, 1)}/${formatNumber(o.capacity, lang, 1)} (${formatShare(o.capacity > 0 ? o.workload / o.capacity : null, lang)})`,
    )
    .join(', ');
  return (
    <EChart
      option={option}
      label={`${t('allocation.workloadChart')}: ${summary}`}
      height={Math.max(220, owners.length * 44 + 70)}
    />
  );
}
