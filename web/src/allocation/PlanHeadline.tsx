import { formatMoney, formatNumber, formatShare } from '../common/format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { AllocationPlan } from './types';

/** The plan's figures: customers assigned, unassigned and moved, objective against the LP bound, gap and Gini. */
export function PlanHeadline({ plan }: { plan: AllocationPlan }) {
  const { t, lang } = useI18n();
  const items: readonly { label: MessageKey; value: string }[] = [
    { label: 'allocation.kpi.assigned', value: formatNumber(plan.assigned, lang) },
    { label: 'allocation.kpi.unassigned', value: formatNumber(plan.unassigned.length, lang) },
    { label: 'allocation.kpi.moves', value: formatNumber(plan.moves.length, lang) },
    { label: 'allocation.kpi.objective', value: formatMoney(plan.objective, lang) },
    { label: 'allocation.kpi.bound', value: formatMoney(plan.bound, lang) },
    { label: 'allocation.kpi.gap', value: formatShare(plan.gap, lang, 2) },
    { label: 'allocation.kpi.gini', value: formatNumber(plan.workloadGini, lang, 3) },
    { label: 'allocation.kpi.status', value: t(`allocation.status.${plan.status}`) },
  ];
  return (
    <dl className="allocation-headline" aria-label={t('allocation.headline')}>
      {items.map((item) => (
        <div key={item.label} className="card">
          <dt>{t(item.label)}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
