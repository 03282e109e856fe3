import { useState } from 'react';
import { api, ApiError, query } from '../api/client';
import { formatNumber, formatShare } from '../common/format';
import { tierName } from '../common/names';
import { Loading } from '../common/states';
import { useI18n } from '../i18n/i18n';
import { boundaryMetricLabel } from './labels';
import { formatInterval, formatMetricChange, pValueText, type MetricKind } from './metric-format';
import {
  BOUNDARY_METRICS,
  EDGE_TIERS,
  type BoundaryMetric,
  type EdgeTier,
  type TierBoundaryEffect,
} from './types';

const kindOf = (metric: BoundaryMetric): MetricKind => (metric === 'orders' ? 'count' : 'money');

/**
 * The effect of a tier edge without an experiment (regression discontinuity): the jump at the edge with its
 * interval, the customers on each side and how many were actually in the tier, and the caveats, verbatim —
 * without them the estimate is easy to over-read.
 */
export function TierEdgePanel() {
  const { t, lang } = useI18n();
  const [tier, setTier] = useState<EdgeTier>('gold');
  const [metric, setMetric] = useState<BoundaryMetric>('gmv');
  const [days, setDays] = useState('56');
  const [asOf, setAsOf] = useState('');
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'busy' }
    | { kind: 'error'; error: unknown }
    | { kind: 'done'; result: TierBoundaryEffect }
  >({ kind: 'idle' });

  const estimate = async () => {
    setState({ kind: 'busy' });
    try {
      const result = await api<TierBoundaryEffect>(
        `/experiments/boundary${query({ tier, metric, days, asOf })}`,
      );
      setState({ kind: 'done', result });
    } catch (error) {
      setState({ kind: 'error', error });
    }
  };

  return (
    <>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void estimate();
        }}
      >
        <label>
          {t('experiments.edge.tier')}
          <select value={tier} onChange={(e) => setTier(e.target.value as EdgeTier)}>
            {EDGE_TIERS.map((x) => (
              <option key={x} value={x}>
                {tierName(x, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('experiments.edge.metric')}
          <select value={metric} onChange={(e) => setMetric(e.target.value as BoundaryMetric)}>
            {BOUNDARY_METRICS.map((m) => (
              <option key={m} value={m}>
                {boundaryMetricLabel(m, t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('experiments.edge.days')}
          <input
            type="number"
            min={7}
            max={365}
            step={1}
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </label>
        <label>
          {t('experiments.asOf')}
          <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </label>
        <button type="submit" disabled={state.kind === 'busy'}>
          {t('experiments.edge.estimate')}
        </button>
        <span className="muted small">{t('experiments.edge.help')}</span>
      </form>
      <div aria-live="polite">
        {state.kind === 'busy' ? <Loading /> : null}
        {state.kind === 'error' ? (
          <p role="alert" className="error">
            {t('error.generic', {
              message: state.error instanceof ApiError ? state.error.message : String(state.error),
            })}
          </p>
        ) : null}
        {state.kind === 'done' ? <TierEdgeResult result={state.result} /> : null}
      </div>
    </>
  );
}

function TierEdgeResult({ result: r }: { result: TierBoundaryEffect }) {
  const { t, lang } = useI18n();
  const kind = kindOf(r.metric);
  return (
    <div className="tier-edge-result">
      <p>
        {t('experiments.edge.summary', {
          run: r.runId,
          runAsOf: r.runAsOf,
          share: formatShare(r.share, lang, 0),
          bandwidth: formatNumber(r.bandwidth, lang, 1),
          days: r.days,
          metric: boundaryMetricLabel(r.metric, t),
        })}
      </p>
      <dl className="inline-dl" aria-label={t('experiments.edge.figures')}>
        <dt>{t('experiments.edge.jump')}</dt>
        <dd>
          <strong>{formatMetricChange(kind, r.estimate, lang)}</strong>{' '}
          <span className="muted">
            {formatInterval(kind, r.ciLow, r.ciHigh, lang)} · {pValueText(r.pValue)}
          </span>
        </dd>
        <dt>{t('experiments.edge.n')}</dt>
        <dd>
          {t('experiments.edge.sides', {
            below: formatNumber(r.n.below, lang),
            above: formatNumber(r.n.above, lang),
          })}
        </dd>
        <dt>{t('experiments.edge.compliance')}</dt>
        <dd>
          {t('experiments.edge.sides', {
            below: formatShare(r.compliance.below, lang),
            above: formatShare(r.compliance.above, lang),
          })}
        </dd>
      </dl>
      <h3>{t('experiments.caveats')}</h3>
      <ul className="caveats">
        {r.caveats.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </div>
  );
}
