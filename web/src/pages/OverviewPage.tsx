import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Overview } from '../../../src/contracts/insights/overview';
import { query } from '../api/client';
import { Empty, ErrorView, Loading } from '../common/states';
import { useApi } from '../common/use-api';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { CityDistribution } from '../overview/CityDistribution';
import { ClvChart } from '../overview/ClvChart';
import { DistributionChart } from '../overview/DistributionChart';
import { KpiCards } from '../overview/KpiCards';
import { InsightsHead } from '../overview/InsightsHead';
import { useRuns } from '../overview/runs';
import { SatisfactionPanel } from '../overview/SatisfactionPanel';
import { ShareSection } from '../overview/ShareSection';
import { TagCounts } from '../overview/TagCounts';

/**
 * 客户分级概览: tier shares, KPIs per tier with their change since the previous run, tags, the tiers by city
 * (then district), customer type and cuisine, lifetime value by tier, and satisfaction from the survey answers —
 * aggregates only, so every role sees it.
 * The run and the city are in the URL (?run=, ?city=).
 */
export function OverviewPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const run = search.get('run') ?? '';
  const city = search.get('city') ?? '';
  const { runs, error: runsError } = useRuns();
  const noRuns = runs !== undefined && runs.length === 0;
  // Asked once the runs are known, so that an empty database shows its empty state without a failed request.
  const runsKnown = runs !== undefined || runsError !== undefined;
  const { data, error, loading } = useApi<Overview>(
    runsKnown && !noRuns ? `/insights/overview${query({ run, city })}` : null,
  );
  const set = useCallback(
    (key: 'run' | 'city', value: string) =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          if (key === 'run') next.delete('city');
          return next;
        },
        { replace: false },
      ),
    [setSearch],
  );
  const typeName = useCallback(
    (value: string) =>
      value === 'single' || value === 'chain' ? t(`overview.type.${value}` as MessageKey) : value,
    [t],
  );

  return (
    <section className="insights-page" aria-labelledby="overview-title">
      <InsightsHead
        id="overview-title"
        title={t('nav.overview')}
        runs={runs}
        run={run}
        onRun={(v) => set('run', v)}
      />
      {noRuns ? (
        <Empty>{t('empty.noRuns')}</Empty>
      ) : error !== undefined ? (
        <ErrorView error={error} />
      ) : data === undefined ? (
        <Loading />
      ) : (
        <div aria-busy={loading} className={loading ? 'insights-loading' : undefined}>
          <p className="insights-note">
            {t('overview.runLine', {
              asOf: data.run.asOf,
              run: data.run.runId,
              customers: data.customers,
            })}{' '}
            {data.previousRun
              ? t('overview.comparedWith', { asOf: data.previousRun.asOf, run: data.previousRun.runId })
              : t('overview.firstRun')}
          </p>
          <h2 className="insights-section-title">{t('overview.kpi.title')}</h2>
          <KpiCards kpis={data.kpis} />
          <div className="grid-2">
            <ShareSection overview={data} />
            <TagCounts tags={data.tags} />
          </div>
          <div className="grid-2">
            <CityDistribution
              cities={data.distribution.city}
              district={data.distribution.district}
              city={city}
              onCity={(c) => set('city', c)}
            />
            <section className="card" aria-labelledby="overview-types">
              <h2 id="overview-types">{t('overview.dist.type')}</h2>
              <DistributionChart
                rows={data.distribution.customerType}
                label={t('overview.dist.type')}
                valueName={typeName}
              />
            </section>
          </div>
          <div className="grid-2">
            <section className="card" aria-labelledby="overview-cuisines">
              <h2 id="overview-cuisines">{t('overview.dist.cuisine')}</h2>
              <DistributionChart rows={data.distribution.cuisine} label={t('overview.dist.cuisine')} />
            </section>
            <ClvChart clv={data.clv} />
          </div>
          <SatisfactionPanel />
        </div>
      )}
    </section>
  );
}
