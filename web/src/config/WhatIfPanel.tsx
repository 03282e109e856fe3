import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Tier } from '../../../src/contracts/tiering/tiers';
import { api } from '../api/client';
import {
  formatDate,
  formatMoney,
  formatMoneyChange,
  formatNumber,
  formatShare,
  formatSigned,
} from '../common/format';
import { MigrationMatrix } from '../common/MigrationMatrix';
import { ErrorView, Loading } from '../common/states';
import { TierBadge } from '../common/TierBadge';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { ConfigVersionSummary, PolicyTotals, WhatIf } from './types';

const COST_ROWS: readonly { key: keyof PolicyTotals; label: MessageKey; money: boolean }[] = [
  { key: 'rebateCost', label: 'config.cost.rebateCost', money: true },
  { key: 'discountCost', label: 'config.cost.discountCost', money: true },
  { key: 'creditExposure', label: 'config.cost.creditExposure', money: true },
  { key: 'visitsPerMonth', label: 'config.cost.visitsPerMonth', money: false },
  { key: 'dedicatedManagers', label: 'config.cost.dedicatedManagers', money: false },
];

/**
 * What-if of a saved version against the active one on the same data (nothing is written): the migration
 * matrix, how many customers move and the largest moves, and the change in policy cost and workload.
 */
export function WhatIfPanel(props: {
  versions: readonly ConfigVersionSummary[];
  version: number | undefined;
  onVersion(version: number): void;
  onActivate?: (version: number) => void;
}) {
  const { t } = useI18n();
  const [asOf, setAsOf] = useState('');
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; result: WhatIf } | { kind: 'error'; error: unknown }
  >({ kind: 'idle' });
  const candidates = props.versions.filter((v) => !v.active);
  // A version activated meanwhile is no longer a candidate.
  const version = candidates.some((v) => v.version === props.version)
    ? props.version
    : candidates[0]?.version;

  const run = async () => {
    if (version === undefined) return;
    setState({ kind: 'busy' });
    try {
      const result = await api<WhatIf>(`/configs/${version}/whatif`, {
        method: 'POST',
        body: asOf ? { asOf } : {},
      });
      setState({ kind: 'done', result });
    } catch (error) {
      setState({ kind: 'error', error });
    }
  };

  if (candidates.length === 0) return <p className="muted">{t('config.whatIfNoCandidate')}</p>;
  return (
    <>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label>
          {t('config.whatIfVersionLabel')}
          <select value={version ?? ''} onChange={(e) => props.onVersion(Number(e.target.value))}>
            {candidates.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
                {v.comment ? ` · ${v.comment.slice(0, 40)}` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('config.whatIfAsOf')}
          <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </label>
        <button type="submit" disabled={state.kind === 'busy' || version === undefined}>
          {t('config.runWhatIf')}
        </button>
      </form>
      <div aria-live="polite">
        {state.kind === 'busy' ? <Loading /> : null}
        {state.kind === 'error' ? <ErrorView error={state.error} /> : null}
        {state.kind === 'done' ? (
          <WhatIfResult
            result={state.result}
            onActivate={
              props.versions.some((v) => v.version === state.result.candidateVersion && v.active)
                ? undefined
                : props.onActivate
            }
          />
        ) : null}
      </div>
    </>
  );
}

function WhatIfResult({ result, onActivate }: { result: WhatIf; onActivate?: (version: number) => void }) {
  const { t, lang } = useI18n();
  const { cost } = result;
  return (
    <div className="whatif-result">
      <div className="cards">
        <div className="card kpi">
          <span className="muted">{t('config.whatIf.customers')}</span>
          <strong>{formatNumber(result.customers, lang)}</strong>
        </div>
        <div className="card kpi">
          <span className="muted">{t('config.whatIf.moved')}</span>
          <strong>
            {formatNumber(result.moved, lang)} (
            {formatShare(result.customers ? result.moved / result.customers : 0, lang)})
          </strong>
        </div>
        <div className="card kpi">
          <span className="muted">{t('config.whatIf.policyCost')}</span>
          <strong>{formatMoneyChange(cost.change.rebateCost + cost.change.discountCost, lang)}</strong>
        </div>
        <div className="card kpi">
          <span className="muted">{t('config.whatIf.visits')}</span>
          <strong>{formatSigned(cost.change.visitsPerMonth, lang, 0)}</strong>
        </div>
      </div>
      <p className="muted">
        {t('config.whatIf.summary', {
          candidate: result.candidateVersion,
          active: result.activeVersion,
          asOf: formatDate(result.asOf),
          from: result.currentFrom,
        })}
      </p>
      <MigrationMatrix
        movements={result.migration}
        caption={t('config.whatIf.matrixCaption', {
          active: result.activeVersion,
          candidate: result.candidateVersion,
        })}
        fromLabel={t('config.whatIf.fromActive')}
        toLabel={t('config.whatIf.toCandidate')}
      />
      <div className="table-scroll">
        <table className="compact">
          <caption>{t('config.whatIf.costCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('config.whatIf.measure')}</th>
              <th scope="col" className="num">
                {t('config.whatIf.current', { version: result.activeVersion })}
              </th>
              <th scope="col" className="num">
                {t('config.whatIf.candidate', { version: result.candidateVersion })}
              </th>
              <th scope="col" className="num">
                {t('config.whatIf.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {COST_ROWS.map((r) => (
              <tr key={r.key}>
                <th scope="row">{t(r.label)}</th>
                <td className="num">
                  {r.money
                    ? formatMoney(cost.current[r.key], lang)
                    : formatNumber(cost.current[r.key], lang, 0)}
                </td>
                <td className="num">
                  {r.money
                    ? formatMoney(cost.candidate[r.key], lang)
                    : formatNumber(cost.candidate[r.key], lang, 0)}
                </td>
                <td className="num">
                  {r.money
                    ? formatMoneyChange(cost.change[r.key], lang)
                    : formatSigned(cost.change[r.key], lang, 0)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.examples.length > 0 ? (
        <div className="table-scroll">
          <table className="compact">
            <caption>{t('config.whatIf.examplesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('config.whatIf.customer')}</th>
                <th scope="col">{t('config.whatIf.fromTier')}</th>
                <th scope="col">{t('config.whatIf.toTier')}</th>
                <th scope="col" className="num">
                  {t('config.whatIf.fromScore')}
                </th>
                <th scope="col" className="num">
                  {t('config.whatIf.toScore')}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.examples.map((e) => (
                <tr key={e.customerId}>
                  <th scope="row">
                    <Link to={`/customers/${encodeURIComponent(e.customerId)}`}>{e.customerId}</Link>
                  </th>
                  <td>
                    <TierBadge tier={e.from as Tier | null} />
                  </td>
                  <td>
                    <TierBadge tier={e.to as Tier | null} />
                  </td>
                  <td className="num">{formatNumber(e.fromScore, lang, 2)}</td>
                  <td className="num">{formatNumber(e.toScore, lang, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {onActivate ? (
        <p>
          <button type="button" onClick={() => onActivate(result.candidateVersion)}>
            {t('config.activateVersion', { version: result.candidateVersion })}
          </button>
        </p>
      ) : null}
    </div>
  );
}
