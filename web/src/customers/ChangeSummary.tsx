import { formatDate, formatNumber, formatSigned } from '../common/format';
import { pickName } from '../common/names';
import { TierBadge } from '../common/TierBadge';
import { useI18n } from '../i18n/i18n';
import { featureName } from './labels';
import type { CustomerDetail } from './types';

/** What changed since the previous run: the tier and score then and now, in words, and the term that moved most. */
export function ChangeSummary({ detail }: { detail: CustomerDetail }) {
  const { t, lang } = useI18n();
  const e = detail.explanation;
  if (!e.previous) return <p className="muted">{t('customer.change.first')}</p>;
  const previousRun = detail.history.find((h) => h.source === 'run' && h.runId === e.previous?.runId);
  const scoreChange = e.score !== null && e.previous.score !== null ? e.score - e.previous.score : null;
  return (
    <>
      {e.change ? <p className="change-text">{pickName(e.change, lang)}</p> : null}
      <dl className="inline-dl">
        <dt>{t('customer.change.previousRun')}</dt>
        <dd>{previousRun ? formatDate(previousRun.asOf) : e.previous.runId}</dd>
        <dt>{t('customer.change.tier')}</dt>
        <dd>
          <TierBadge tier={e.previous.tier} /> → <TierBadge tier={e.tier} />
        </dd>
        <dt>{t('customer.change.score')}</dt>
        <dd>
          {formatNumber(e.previous.score, lang, 2)} → {formatNumber(e.score, lang, 2)} (
          {formatSigned(scoreChange, lang, 2)})
        </dd>
        {e.change?.mainTerm ? (
          <>
            <dt>{t('customer.change.mainTerm')}</dt>
            <dd>{featureName(e.change.mainTerm, t)}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
