import { formatMoney, formatNumber, formatShare } from '../common/format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { AllocationPlan, StrategyMetrics } from './types';

type Kind = 'count' | 'money' | 'share' | 'ratio';

const ROWS: readonly { key: keyof StrategyMetrics; label: MessageKey; kind: Kind }[] = [
  { key: 'assigned', label: 'allocation.metric.assigned', kind: 'count' },
  { key: 'unassigned', label: 'allocation.metric.unassigned', kind: 'count' },
  { key: 'valueServed', label: 'allocation.metric.valueServed', kind: 'money' },
  { key: 'travelCost', label: 'allocation.metric.travelCost', kind: 'money' },
  { key: 'net', label: 'allocation.metric.net', kind: 'money' },
  { key: 'moves', label: 'allocation.metric.moves', kind: 'count' },
  { key: 'overCapacityOwners', label: 'allocation.metric.overCapacity', kind: 'count' },
  { key: 'workloadGini', label: 'allocation.metric.gini', kind: 'ratio' },
  { key: 'utilizationMax', label: 'allocation.metric.utilizationMax', kind: 'share' },
  { key: 'utilizationMin', label: 'allocation.metric.utilizationMin', kind: 'share' },
];

/** The optimiser's assignment against the z-score strategy's on the same problem, metric by metric. */
export function StrategyComparison({ comparison }: { comparison: AllocationPlan['comparison'] }) {
  const { t, lang } = useI18n();
  const show = (kind: Kind, v: number) => {
    if (kind === 'count') return formatNumber(v, lang);
    if (kind === 'money') return formatMoney(v, lang);
    if (kind === 'share') return formatShare(v, lang);
    return formatNumber(v, lang, 3);
  };
  return (
    <div className="table-scroll">
      <table className="compact">
        <caption className="visually-hidden">{t('allocation.compareCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('allocation.col.metric')}</th>
            <th scope="col" className="num">
              {t('allocation.strategy.optimiser')}
            </th>
            <th scope="col" className="num">
              {t('allocation.strategy.zScore')}
            </th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.key}>
              <th scope="row">{t(row.label)}</th>
              <td className="num">{show(row.kind, comparison.optimiser[row.key])}</td>
              <td className="num">{show(row.kind, comparison.zScore[row.key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
