import { reasonText } from '../../../src/contracts/recommendations/reason-text';
import type { CustomerRecommendations } from '../../../src/contracts/recommendations/recommendations';
import { formatShare } from '../common/format';
import { Async } from '../common/states';
import { useApi } from '../common/use-api';
import { useI18n } from '../i18n/i18n';

/**
 * Assortment recommendations (GET /customers/{id}/recommendations) as of the run's as-of date: the SKUs the
 * customer's peers (same cuisine and size, nearby) buy and it never has, best first, each with its reason.
 */
export function RecommendationsPanel(props: { customerId: string; asOf: string }) {
  const { t } = useI18n();
  const path = `/customers/${encodeURIComponent(props.customerId)}/recommendations?asOf=${encodeURIComponent(props.asOf)}`;
  const { data, error, loading } = useApi<CustomerRecommendations>(path);
  return (
    <section className="card section" aria-labelledby="recommendations-title" aria-busy={loading}>
      <h2 id="recommendations-title">{t('recommendations.title')}</h2>
      <Async data={loading ? undefined : data} error={error}>
        {(r) => <RecommendationsView recommendations={r} />}
      </Async>
    </section>
  );
}

function RecommendationsView({ recommendations: r }: { recommendations: CustomerRecommendations }) {
  const { t, lang } = useI18n();
  if (!r.peers) return <p className="muted">{t('recommendations.noPeers')}</p>;
  if (r.recommendations.length === 0) return <p className="muted">{t('recommendations.none')}</p>;
  return (
    <>
      <p className="muted small">
        {t('recommendations.help', { days: r.settings.lookbackDays, bought: r.boughtSkus })}
      </p>
      <div className="table-scroll">
        <table className="compact">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('recommendations.rank')}
              </th>
              <th scope="col">{t('recommendations.sku')}</th>
              <th scope="col">{t('recommendations.category')}</th>
              <th scope="col" className="num">
                {t('recommendations.peerShare')}
              </th>
              <th scope="col" className="num" title={t('recommendations.scoreHelp')}>
                {t('recommendations.score')}
              </th>
              <th scope="col">{t('recommendations.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {r.recommendations.map((x) => (
              <tr key={x.sku}>
                <td className="num">{x.rank}</td>
                <th scope="row">{x.sku}</th>
                <td>{x.category}</td>
                <td className="num">{formatShare(x.reason.peerShare, lang, 0)}</td>
                <td className="num">{formatShare(x.score, lang, 0)}</td>
                <td>{reasonText(x.reason, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
