import { Link, useParams, useSearchParams } from 'react-router-dom';
import { formatDate, formatMoney, formatNumber, formatShare, NONE } from '../common/format';
import { pickName, segmentName } from '../common/names';
import { Async, Empty } from '../common/states';
import { TierBadge } from '../common/TierBadge';
import { useApi } from '../common/use-api';
import { useCan } from '../common/use-permission';
import { ChangeSummary } from '../customers/ChangeSummary';
import { customerTypeName, tierReasonName } from '../customers/labels';
import { LiveTier } from '../customers/LiveTier';
import { PolicyView } from '../customers/PolicyView';
import { RecommendationsPanel } from '../customers/RecommendationsPanel';
import { PurchaseProfilePanel } from '../customers/PurchaseProfilePanel';
import { ScoreWaterfall } from '../customers/ScoreWaterfall';
import { OrdersPaymentsSparkline } from '../customers/OrdersPaymentsSparkline';
import { TierHistory } from '../customers/TierHistory';
import type { CustomerDetail } from '../customers/types';
import { useI18n } from '../i18n/i18n';

/**
 * One customer: who they are, their tier and score and why (a waterfall of the score's terms against the tier
 * thresholds), tags with reasons, the effective policy, what changed since the previous run, and the tier
 * history; the tier the event stream moved them to since the run, if it did. `?run=ID` shows another run's
 * view of the customer.
 */
export function CustomerPage() {
  const { t } = useI18n();
  const can = useCan();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const run = search.get('run');
  const allowed = can('customers.read');
  const path = allowed
    ? `/customers/${encodeURIComponent(id)}${run ? `?run=${encodeURIComponent(run)}` : ''}`
    : null;
  const { data, error, loading } = useApi<CustomerDetail>(path);

  if (!allowed) return <Empty>{t('customers.aggregatesOnly')}</Empty>;
  return (
    <section className="customer-page" aria-busy={loading}>
      <p>
        <Link to="/customers">← {t('customer.back')}</Link>
      </p>
      <Async data={loading ? undefined : data} error={error}>
        {(d) => <CustomerView detail={d} />}
      </Async>
    </section>
  );
}

function CustomerView({ detail }: { detail: CustomerDetail }) {
  const { t, lang } = useI18n();
  const c = detail.customer;
  const e = detail.explanation;
  return (
    <>
      <section className="customer-head card" aria-labelledby="customer-title">
        <div className="customer-title">
          <h1 id="customer-title">{c.name ?? c.customerId}</h1>
          <TierBadge tier={c.tier} />
        </div>
        <LiveTier customer={c} live={detail.live} />
        {detail.mergedFrom ? (
          <p className="notice" role="note">
            {t('customer.mergedFrom', { from: detail.mergedFrom, into: c.customerId })}
          </p>
        ) : null}
        <dl className="facts">
          <div>
            <dt>{t('customer.id')}</dt>
            <dd>{c.customerId}</dd>
          </div>
          <div>
            <dt>{t('customer.score')}</dt>
            <dd className="big">{formatNumber(c.score, lang, 2)}</dd>
          </div>
          <div>
            <dt>{t('customer.rank')}</dt>
            <dd>
              {c.rankPct === null ? NONE : t('customer.rankTop', { pct: formatShare(c.rankPct, lang) })}
            </dd>
          </div>
          <div>
            <dt>{t('customer.tierReason')}</dt>
            <dd>{c.tierReason ? tierReasonName(c.tierReason, t) : NONE}</dd>
          </div>
          <div>
            <dt>{t('customer.segment')}</dt>
            <dd>{c.segment ? segmentName(c.segment, lang) : NONE}</dd>
          </div>
          <div>
            <dt>{t('customer.owner')}</dt>
            <dd>
              {c.owner ? `${c.owner.repName ?? c.owner.repId} (${c.owner.repId}) · ${c.owner.team}` : NONE}
            </dd>
          </div>
          <div>
            <dt>{t('customer.location')}</dt>
            <dd>{[c.city, c.district].filter(Boolean).join(' · ') || NONE}</dd>
          </div>
          <div>
            <dt>{t('customer.typeCuisine')}</dt>
            <dd>
              {[c.type ? customerTypeName(c.type, t) : null, c.cuisine, c.chainId]
                .filter(Boolean)
                .join(' · ') || NONE}
            </dd>
          </div>
          <div>
            <dt>{t('customer.contact')}</dt>
            <dd>
              {[c.contact.name, c.contact.phone, c.contact.address].filter(Boolean).join(' · ') || NONE}
            </dd>
          </div>
          <div>
            <dt>{t('customer.monetary')}</dt>
            <dd>{formatMoney(c.monetary, lang)}</dd>
          </div>
          <div>
            <dt>{t('customer.frequency')}</dt>
            <dd>{formatNumber(c.frequency, lang, 1)}</dd>
          </div>
          <div>
            <dt>{t('customer.recency')}</dt>
            <dd>{c.recencyDays === null ? NONE : t('customers.days', { n: c.recencyDays })}</dd>
          </div>
          <div>
            <dt>{t('customer.run')}</dt>
            <dd>
              {formatDate(detail.asOf)} <span className="muted small">{detail.runId}</span>
            </dd>
          </div>
        </dl>
      </section>

      <div className="grid-2">
        <section className="card" aria-labelledby="why-title">
          <h2 id="why-title">{t('customer.why')}</h2>
          <p className="muted small">{t('customer.whyHelp', { model: e.model })}</p>
          {e.pilot && <p className="small">{t('customer.pilot', { pilot: e.pilot })}</p>}
          <ScoreWaterfall explanation={e} />
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="change-title">
            <h2 id="change-title">{t('customer.change.title')}</h2>
            <ChangeSummary detail={detail} />
          </section>
          <section className="card" aria-labelledby="tags-title">
            <h2 id="tags-title">{t('customer.tags')}</h2>
            {detail.tags.length === 0 ? (
              <p className="muted">{t('customer.noTags')}</p>
            ) : (
              <ul className="tag-reasons">
                {detail.tags.map((tag) => (
                  <li key={tag.tag}>
                    <span className={`tag-chip tag-${tag.tag}`}>{pickName(tag.name, lang)}</span>{' '}
                    {pickName(tag.reason, lang)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>

      <div className="grid-2">
        <section className="card" aria-labelledby="series-title">
          <h2 id="series-title">{t('customer.series.title')}</h2>
          <OrdersPaymentsSparkline series={detail.series} />
        </section>
        <section className="card" aria-labelledby="history-title">
          <h2 id="history-title">{t('customer.history.title')}</h2>
          <TierHistory customerId={c.customerId} history={detail.history} runId={detail.runId} />
        </section>
        <section className="card" aria-labelledby="policy-title">
          <h2 id="policy-title">{t('customer.policy.title')}</h2>
          <PolicyView policy={e.policy ?? c.policy} actions={e.actions} />
        </section>
      </div>
      <PurchaseProfilePanel customerId={c.customerId} asOf={detail.asOf} />
      <RecommendationsPanel customerId={c.customerId} asOf={detail.asOf} />
    </>
  );
}
