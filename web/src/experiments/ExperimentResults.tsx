import { useState } from 'react';
import { query } from '../api/client';
import { formatNumber } from '../common/format';
import { Async } from '../common/states';
import { useApi } from '../common/use-api';
import { useI18n } from '../i18n/i18n';
import { metricLabel, unitLabel } from './labels';
import { SrmCheck } from './SrmCheck';
import type { Experiment, ExperimentResult } from './types';
import { VariantResult } from './VariantResult';

/**
 * The analysis of an assigned experiment as of a date (empty: the server's default, yesterday): the periods, the
 * sample ratio check, each treatment against the control, and the caveats the analysis states.
 */
export function ExperimentResults({ experiment }: { experiment: Experiment }) {
  const { t, lang } = useI18n();
  const [asOf, setAsOf] = useState('');
  const path = `/experiments/${encodeURIComponent(experiment.experimentId)}/results${query({ asOf })}`;
  const results = useApi<ExperimentResult>(path);

  return (
    <>
      <div className="toolbar">
        <label>
          {t('experiments.asOf')}
          <input
            type="date"
            value={asOf}
            min={experiment.start}
            onChange={(e) => setAsOf(e.target.value)}
            aria-describedby="experiment-as-of-help"
          />
        </label>
        <span id="experiment-as-of-help" className="muted small">
          {t('experiments.asOfHelp')}
        </span>
      </div>
      <div aria-busy={results.loading} className={results.loading && results.data ? 'is-loading' : undefined}>
        <Async data={results.data} error={results.error}>
          {(r) => (
            <>
              <p>
                {t('experiments.periods', {
                  unit: unitLabel(r.unit, t),
                  preStart: r.preStart,
                  start: r.start,
                  end: r.end,
                  metric: metricLabel(r.primaryMetric, t),
                })}{' '}
                {t('experiments.controlSize', {
                  variant: r.control.variant,
                  units: formatNumber(r.control.units, lang),
                  customers: formatNumber(r.control.customers, lang),
                })}
              </p>
              <SrmCheck srm={r.srm} />
              {r.comparisons.map((c) => (
                <VariantResult
                  key={c.variant}
                  comparison={c}
                  control={r.control.variant}
                  primaryMetric={r.primaryMetric}
                />
              ))}
              {r.caveats.length > 0 ? (
                <section aria-labelledby="experiment-caveats">
                  <h3 id="experiment-caveats">{t('experiments.caveats')}</h3>
                  <ul className="caveats">
                    {r.caveats.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                </section>
              ) : null}
            </>
          )}
        </Async>
      </div>
    </>
  );
}
