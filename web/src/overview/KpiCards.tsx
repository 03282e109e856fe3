import type { Change } from '../../../src/contracts/insights/common';
import type { TierKpis } from '../../../src/contracts/insights/overview';
import { formatMoney, formatMoneyChange, formatNumber, formatShare, formatSigned } from '../common/format';
import { TierBadge } from '../common/TierBadge';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { ChangeArrow } from './ChangeArrow';

type KpiKey = Exclude<keyof TierKpis, 'tier' | 'name'>;

const ROWS: readonly {
  key: KpiKey;
  label: MessageKey;
  kind: 'count' | 'number' | 'money' | 'rate';
  better: 'higher' | 'lower' | 'neutral';
}[] = [
  // Tiers are quotas: more customers in a tier is neither good nor bad news.
  { key: 'customers', label: 'overview.kpi.customers', kind: 'count', better: 'neutral' },
  { key: 'ordersPerMonth', label: 'overview.kpi.ordersPerMonth', kind: 'number', better: 'higher' },
  { key: 'aov', label: 'overview.kpi.aov', kind: 'money', better: 'higher' },
  { key: 'repurchaseRate', label: 'overview.kpi.repurchaseRate', kind: 'rate', better: 'higher' },
  { key: 'returnRate', label: 'overview.kpi.returnRate', kind: 'rate', better: 'lower' },
  { key: 'overdueRate', label: 'overview.kpi.overdueRate', kind: 'rate', better: 'lower' },
];

/** Half the last digit each kind shows: a smaller change reads as unchanged. */
const EPSILON = { count: 0.5, number: 0.005, money: 0.005, rate: 0.0005 } as const;

/** One card per tier: its KPIs with the change since the previous run (rates change in percentage points). */
export function KpiCards({ kpis }: { kpis: readonly TierKpis[] }) {
  const { t, lang } = useI18n();
  const value = (kind: (typeof ROWS)[number]['kind'], c: Change) => {
    if (kind === 'count') return formatNumber(c.value, lang);
    if (kind === 'number') return formatNumber(c.value, lang, 2);
    if (kind === 'money') return formatMoney(c.value, lang);
    return formatShare(c.value, lang);
  };
  const change = (kind: (typeof ROWS)[number]['kind']) => (v: number) => {
    if (kind === 'count') return formatSigned(v, lang, 0);
    if (kind === 'number') return formatSigned(v, lang, 2);
    if (kind === 'money') return formatMoneyChange(v, lang);
    return t('overview.pp', { value: formatSigned(v * 100, lang, 1) });
  };
  return (
    <div className="cards insights-kpi-cards">
      {kpis.map((k) => (
        <article key={k.tier} className="card insights-kpi-card" aria-labelledby={`kpi-${k.tier}`}>
          <h3 id={`kpi-${k.tier}`}>
            <TierBadge tier={k.tier} />
          </h3>
          <dl>
            {ROWS.map((row) => (
              <div key={row.key} className="insights-kpi-row">
                <dt>{t(row.label)}</dt>
                <dd>
                  <span className="insights-kpi-value">{value(row.kind, k[row.key])}</span>
                  <ChangeArrow
                    change={k[row.key].change}
                    format={change(row.kind)}
                    better={row.better}
                    epsilon={EPSILON[row.kind]}
                  />
                </dd>
              </div>
            ))}
          </dl>
        </article>
      ))}
    </div>
  );
}
