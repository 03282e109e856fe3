import { useId, useState } from 'react';
import type { ActionStatus, ActionTask, ActionUpdated } from '../../../src/contracts/insights/risk';
import { api } from '../api/client';
import { formatDateTime } from '../common/format';
import { useI18n } from '../i18n/i18n';
import { actionName, statusName } from './labels';

/**
 * One action the run triggered for a customer, with its status and buttons to mark it done or dismissed (or open
 * again), an optional note sent with the change. `onSaved` receives the stored task.
 */
export function ActionControl(props: {
  runId: string;
  customerId: string;
  task: ActionTask;
  onSaved(task: ActionUpdated): void;
}) {
  const { t } = useI18n();
  const { task } = props;
  const noteId = useId();
  const [note, setNote] = useState(task.note ?? '');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  const save = async (status: ActionStatus) => {
    setBusy(true);
    setFailed(null);
    try {
      const saved = await api<ActionUpdated>('/insights/actions', {
        method: 'PATCH',
        body: {
          runId: props.runId,
          customerId: props.customerId,
          action: task.action,
          status,
          note: note.trim() === '' ? null : note.trim(),
        },
      });
      props.onSaved(saved);
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const name = actionName(task.action, t);
  return (
    <li className={`risk-action risk-action-${task.status}`}>
      <div className="risk-action-head">
        <span className="risk-action-name">{name}</span>
        <span className={`risk-status risk-status-${task.status}`}>{statusName(task.status, t)}</span>
      </div>
      {task.updatedBy ? (
        <p className="risk-action-meta">
          {t('risk.updatedBy', { who: task.updatedBy, at: formatDateTime(task.updatedAt) })}
          {task.note ? ` · ${task.note}` : ''}
        </p>
      ) : null}
      <div className="risk-action-controls">
        <label htmlFor={noteId} className="insights-sr-only">
          {t('risk.noteFor', { action: name })}
        </label>
        <input
          id={noteId}
          value={note}
          maxLength={500}
          placeholder={t('risk.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
        {task.status === 'open' ? (
          <>
            <button type="button" disabled={busy} onClick={() => void save('done')}>
              {t('risk.markDone')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void save('dismissed')}
            >
              {t('risk.dismiss')}
            </button>
          </>
        ) : (
          <button type="button" className="secondary" disabled={busy} onClick={() => void save('open')}>
            {t('risk.reopen')}
          </button>
        )}
      </div>
      {failed ? (
        <p role="alert" className="error">
          {t('error.generic', { message: failed })}
        </p>
      ) : null}
    </li>
  );
}
