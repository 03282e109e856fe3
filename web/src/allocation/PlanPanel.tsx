import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ErrorView } from '../common/states';
import { useI18n } from '../i18n/i18n';
import { ProgressBar } from '../runs/ProgressBar';
import type { Job } from '../runs/types';
import { useJob } from '../runs/use-job';
import { PlanView } from './PlanView';
import { allocationStepLabel } from './step-label';
import type { AllocationPlan, PlanSettings } from './types';

/** The settings of a plan job's request, to apply the same plan again. */
function settingsOf(job: Job | null): Record<string, unknown> {
  const params = (job?.params ?? {}) as Record<string, unknown>;
  const keys = ['runId', 'maxMoves', 'maxMovesPct', 'balance', 'candidates', 'timeLimitSeconds'];
  return Object.fromEntries(keys.filter((k) => params[k] !== undefined).map((k) => [k, params[k]]));
}

const numberOrUndefined = (text: string): number | undefined => {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
};

/**
 * Compute an allocation plan as a dry run and follow its job every second; show the plan it returns; apply it
 * (after a confirmation) for those who may. The latest allocation job is followed when the page opens.
 */
export function PlanPanel(props: { canApply: boolean; onApplied(): void }) {
  const { t } = useI18n();
  const [maxMoves, setMaxMoves] = useState('');
  const [balance, setBalance] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ kind: 'conflict' } | { kind: 'error'; error: unknown } | null>(
    null,
  );
  const [shown, setShown] = useState<{ plan: AllocationPlan; job: Job } | null>(null);
  const { onApplied } = props;

  const onFinished = useCallback(
    (job: Job) => {
      if (job.status !== 'succeeded' || job.result === null) return;
      const plan = job.result as AllocationPlan;
      setShown({ plan, job });
      if (plan.applied) onApplied();
    },
    [onApplied],
  );
  const { job, error: pollError } = useJob(jobId, onFinished);

  useEffect(() => {
    const controller = new AbortController();
    api<{ items: Job[] }>('/jobs?kind=allocation&limit=1', { signal: controller.signal }).then(
      ({ items }) => items[0] && setJobId(items[0].jobId),
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  const start = async (body: Record<string, unknown>) => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await api<{ jobId: string }>('/allocation/plans', { method: 'POST', body });
      setJobId(r.jobId);
    } catch (error) {
      setMessage(
        error instanceof ApiError && error.status === 409 ? { kind: 'conflict' } : { kind: 'error', error },
      );
    } finally {
      setBusy(false);
    }
  };

  const compute = () => {
    const settings: PlanSettings = {
      maxMoves: numberOrUndefined(maxMoves),
      balance: numberOrUndefined(balance),
    };
    void start({ ...settings, dryRun: true });
  };

  const inProgress = job !== null && (job.status === 'queued' || job.status === 'running');
  const plan = shown?.plan ?? null;

  return (
    <>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          compute();
        }}
      >
        <label>
          {t('allocation.maxMoves')}
          <input
            type="number"
            min={0}
            step={1}
            value={maxMoves}
            placeholder={t('allocation.maxMovesHelp')}
            onChange={(e) => setMaxMoves(e.target.value)}
          />
        </label>
        <label>
          {t('allocation.balance')}
          <input
            type="number"
            min={0}
            step={0.1}
            value={balance}
            placeholder="0"
            onChange={(e) => setBalance(e.target.value)}
            aria-describedby="allocation-balance-help"
          />
        </label>
        <button type="submit" disabled={busy || inProgress}>
          {t('allocation.compute')}
        </button>
        {props.canApply && plan && !plan.applied ? (
          <button
            type="button"
            className="danger"
            disabled={busy || inProgress}
            onClick={() => setConfirming(true)}
          >
            {t('allocation.apply')}
          </button>
        ) : null}
        <span id="allocation-balance-help" className="muted small">
          {t('allocation.balanceHelp')} · {t('allocation.computeHelp')}
        </span>
      </form>
      <div aria-live="polite">
        {message?.kind === 'conflict' ? (
          <p role="alert" className="error">
            {t('allocation.conflict')}
          </p>
        ) : null}
        {message?.kind === 'error' ? <ErrorView error={message.error} /> : null}
        {pollError !== undefined && job === null ? <ErrorView error={pollError} /> : null}
        {job === null && jobId === null ? <p className="muted">{t('allocation.idle')}</p> : null}
        {job && (inProgress || job.status === 'failed') ? (
          <div className="job">
            <p>
              <strong>{t(`runs.status.${job.status}`)}</strong>
              {inProgress ? ` · ${allocationStepLabel(job.step, t)}` : ''}{' '}
              <span className="muted small">
                {t('allocation.jobLine', { job: job.jobId, by: job.requestedBy })}
              </span>
            </p>
            <ProgressBar value={job.progress} label={t('runs.progressLabel')} />
            {job.status === 'failed' && job.error ? (
              <p role="alert" className="error">
                {t('runs.failed', { code: job.error.code, message: job.error.message })}
              </p>
            ) : null}
          </div>
        ) : null}
        {plan?.applied && job?.status === 'succeeded' && shown?.job.jobId === job.jobId ? (
          <p className="ok">{t('allocation.applied', { round: plan.roundId })}</p>
        ) : null}
      </div>
      {plan ? <PlanView plan={plan} /> : null}
      <ConfirmDialog
        open={confirming}
        title={t('allocation.applyTitle')}
        confirmLabel={t('allocation.applyConfirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void start({ ...settingsOf(shown?.job ?? null), dryRun: false });
        }}
      >
        <p>{t('allocation.applyBody', { moves: plan?.moves.length ?? 0 })}</p>
      </ConfirmDialog>
    </>
  );
}
