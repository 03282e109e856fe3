import type { Policy } from '../../../src/contracts/tiering/config';
import { formatMoney, formatNumber } from '../common/format';
import { useI18n } from '../i18n/i18n';
import { actionName, termsName } from './labels';

/** The effective policy of the customer (service, price, credit) and the actions this run triggered. */
export function PolicyView({ policy, actions }: { policy: Policy | null; actions: readonly string[] }) {
  const { t, lang } = useI18n();
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  const pct = (v: number) => `${formatNumber(v, lang, 1)}%`;
  if (!policy) return <p className="muted">{t('customer.policy.none')}</p>;
  return (
    <>
      <div className="policy-grid">
        <div>
          <h3>{t('customer.policy.service')}</h3>
          <dl>
            <dt>{t('customer.policy.dedicatedManager')}</dt>
            <dd>{yesNo(policy.service.dedicatedManager)}</dd>
            <dt>{t('customer.policy.deliveryPriority')}</dt>
            <dd>{policy.service.deliveryPriority}</dd>
            <dt>{t('customer.policy.customAssortment')}</dt>
            <dd>{yesNo(policy.service.customAssortment)}</dd>
            <dt>{t('customer.policy.visitsPerMonth')}</dt>
            <dd>{formatNumber(policy.service.visitsPerMonth, lang, 1)}</dd>
          </dl>
        </div>
        <div>
          <h3>{t('customer.policy.price')}</h3>
          <dl>
            <dt>{t('customer.policy.discountPct')}</dt>
            <dd>{pct(policy.price.discountPct)}</dd>
            <dt>{t('customer.policy.rebatePct')}</dt>
            <dd>{pct(policy.price.rebatePct)}</dd>
          </dl>
        </div>
        <div>
          <h3>{t('customer.policy.credit')}</h3>
          <dl>
            <dt>{t('customer.policy.terms')}</dt>
            <dd>{termsName(policy.credit.terms, t)}</dd>
            <dt>{t('customer.policy.creditLimit')}</dt>
            <dd>{formatMoney(policy.credit.creditLimit, lang)}</dd>
            <dt>{t('customer.policy.depositPct')}</dt>
            <dd>{pct(policy.credit.depositPct)}</dd>
          </dl>
        </div>
      </div>
      <h3>{t('customer.actions')}</h3>
      {actions.length === 0 ? (
        <p className="muted">{t('customer.noActions')}</p>
      ) : (
        <ul>
          {actions.map((a) => (
            <li key={a}>{actionName(a, t)}</li>
          ))}
        </ul>
      )}
    </>
  );
}
