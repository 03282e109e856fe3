import { useState } from 'react';
import { api } from '../api/client';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { formatDate, formatNumber, NONE } from '../common/format';
import { Empty, ErrorView } from '../common/states';
import { useI18n } from '../i18n/i18n';
import { unitLabel } from './labels';
import type { Experiment } from './types';

/**
 * The experiments, newest first: what is randomised from when, whether the assignment is frozen and how many
 * customers each variant got. Assigning (experiments.manage) asks first: it cannot be redone.
 */
export function ExperimentList(props: {
  experiments: readonly Experiment[];
  selectedId: string | null;
  onSelect(experimentId: string): void;
  canManage: boolean;
  onAssigned(experimentId: string): void;
}) {
  const { t, lang } = useI18n();
  const [assigning, setAssigning] = useState<Experiment | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const assign = async (e: Experiment) => {
    setAssigning(null);
    setBusy(true);
    setError(undefined);
    try {
      await api(`/experiments/${encodeURIComponent(e.experimentId)}/assign`, { method: 'POST' });
      props.onAssigned(e.experimentId);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (props.experiments.length === 0)
    return <Empty>{t(props.canManage ? 'experiments.noneManage' : 'experiments.none')}</Empty>;
  return (
    <>
      <div aria-live="polite">{error !== undefined ? <ErrorView error={error} /> : null}</div>
      <div className="table-scroll">
        <table className="compact experiments">
          <caption className="visually-hidden">{t('experiments.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('experiments.col.name')}</th>
              <th scope="col">{t('experiments.form.unit')}</th>
              <th scope="col">{t('experiments.form.start')}</th>
              <th scope="col">{t('experiments.col.status')}</th>
              <th scope="col">{t('experiments.col.customers')}</th>
              <th scope="col">{t('experiments.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.experiments.map((e) => {
              const assigned = e.assignedAt !== null;
              return (
                <tr key={e.experimentId} aria-current={e.experimentId === props.selectedId || undefined}>
                  <th scope="row">
                    {e.name} <span className="muted small">{e.experimentId}</span>
                  </th>
                  <td>{unitLabel(e.unit, t)}</td>
                  <td>{e.start}</td>
                  <td>
                    {assigned
                      ? t('experiments.assignedOn', { date: formatDate(e.assignedAt) })
                      : t('experiments.notAssigned')}
                  </td>
                  <td>
                    {assigned
                      ? e.variants.map((v) => `${v.variant} ${formatNumber(v.customers, lang)}`).join(' · ')
                      : NONE}
                  </td>
                  <td className="row-actions">
                    {assigned ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() => props.onSelect(e.experimentId)}
                        aria-label={t('experiments.showResultsOf', { name: e.name })}
                      >
                        {t('experiments.showResults')}
                      </button>
                    ) : props.canManage ? (
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => setAssigning(e)}
                        aria-label={t('experiments.assignNamed', { name: e.name })}
                      >
                        {t('experiments.assign')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={assigning !== null}
        title={t('experiments.assignTitle', { name: assigning?.name ?? '' })}
        confirmLabel={t('experiments.assign')}
        onConfirm={() => assigning && void assign(assigning)}
        onCancel={() => setAssigning(null)}
      >
        <p>{t('experiments.assignBody', { start: assigning?.start ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
