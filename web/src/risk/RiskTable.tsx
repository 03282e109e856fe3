import { Link } from 'react-router-dom';
import type { ActionUpdated, RiskItem } from '../../../src/contracts/insights/risk';
import { formatMoney } from '../common/format';
import { TagChips, TierBadge } from '../common/TierBadge';
import { useI18n } from '../i18n/i18n';
import { ActionControl } from './ActionControl';

/** Tagged customers: who, tier, why (in the current language), owner and contact, and the run's actions. */
export function RiskTable(props: {
  runId: string;
  items: readonly RiskItem[];
  caption: string;
  onSaved(task: ActionUpdated): void;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="insights-table-wrap">
      <table className="risk-table">
        <caption className="insights-sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('risk.col.customer')}</th>
            <th scope="col">{t('risk.col.tier')}</th>
            <th scope="col">{t('risk.col.reason')}</th>
            <th scope="col" className="num">
              {t('risk.col.monetary')}
            </th>
            <th scope="col">{t('risk.col.owner')}</th>
            <th scope="col">{t('risk.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((c) => (
            <tr key={c.customerId}>
              <th scope="row">
                <Link to={`/customers/${encodeURIComponent(c.customerId)}`}>{c.name ?? c.customerId}</Link>
                <span className="insights-id"> {c.customerId}</span>
                <div className="risk-sub">{[c.city, c.district].filter(Boolean).join(' ')}</div>
                <TagChips tags={c.tags} />
              </th>
              <td>
                <TierBadge tier={c.tier} />
              </td>
              <td className="risk-reason">{lang === 'en' ? c.reason.en : c.reason.zh}</td>
              <td className="num">{formatMoney(c.monetary, lang)}</td>
              <td>
                {c.owner ? (
                  <>
                    {c.owner.repName ?? c.owner.repId}
                    <div className="risk-sub">{c.owner.team}</div>
                  </>
                ) : (
                  '—'
                )}
                {c.contact.name || c.contact.phone ? (
                  <div className="risk-sub">
                    {t('risk.contact')}: {[c.contact.name, c.contact.phone].filter(Boolean).join(' ')}
                  </div>
                ) : null}
              </td>
              <td>
                {c.actions.length === 0 ? (
                  <span className="risk-sub">{t('risk.noActions')}</span>
                ) : (
                  <ul className="risk-actions">
                    {c.actions.map((a) => (
                      <ActionControl
                        key={`${a.action}|${a.status}|${a.updatedAt ?? ''}`}
                        runId={props.runId}
                        customerId={c.customerId}
                        task={a}
                        onSaved={props.onSaved}
                      />
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
