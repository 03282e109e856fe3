import { useCallback, useEffect, useState } from 'react';
import { TIERS } from '../../../src/contracts/tiering/tiers';
import { api, ApiError } from '../api/client';
import { formatDuration, formatNumber } from '../common/format';
import { tierName } from '../common/names';
import { ErrorView } from '../common/states';
import { useI18n } from '../i18n/i18n';
import { JobProgress } from './JobProgress';
import { stepLabel } from './step-label';
import type { Job, RunSummary } from './types';
import { useJob } from './use-job';

/** The job in progress now, if any (queued or running), to follow a run someone else started. */
async function currentJob(): Promise<Job | null> {
  for (const status of ['running', 'queued'] as const) {
    const { items } = await api<{ items: Job[] }>(`/jobs?status=${status}&limit=1`);
    if (items[0]) return items[0];
  }
  return null;
}

/**
 * Start a run as of a date (empty: yesterday in the server's zone) and follow its job every second: the step and
 * a progress bar, then the outcome. A run already in progress (409) is followed instead of started twice.
 */
export function StartRun(props: { canStart: boolean; onRunFinished(): void }) {
  const { t, lang } = useI18n();
  const [asOf, setAsOf] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<
    { kind: 'conflict' } | { kind: 'error'; error: unknown } | { kind: 'none' }
  >({ kind: 'none' });
  const { onRunFinished } = props;
  const onFinished = useCallback(() => onRunFinished(), [onRunFinished]);
  const { job, error: pollError } = useJob(jobId, onFinished);

  useEffect(() => {
    let live = true;
    currentJob().then(
      (j) => live && j && setJobId(j.jobId),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const start = async () => {
    setBusy(true);
    setMessage({ kind: 'none' });
    try {
      const r = await api<{ jobId: string; job: Job }>('/runs', {
        method: 'POST',
        body: asOf ? { asOf } : {},
      });
      setJobId(r.jobId);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setMessage({ kind: 'conflict' });
        const running = await currentJob().catch(() => null);
        if (running) setJobId(running.jobId);
      } else setMessage({ kind: 'error', error });
    } finally {
      setBusy(false);
    }
  };

  const inProgress = job !== null && (job.status === 'queued' || job.status === 'running');
  const summary =
    job?.status === 'succeeded' && job.kind === 'run' ? (job.result as RunSummary | null) : null;

  return (
    <>
      {props.canStart ? (
        <form
          className="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <label>
            {t('runs.asOf')}
            <input
              type="date"
              value={asOf}
              onChange={(e) => setAsOf(e.target.value)}
              aria-describedby="as-of-help"
            />
          </label>
          <button type="submit" disabled={busy || inProgress}>
            {t('runs.start')}
          </button>
          <span id="as-of-help" className="muted small">
            {t('runs.asOfHelp')}
          </span>
        </form>
      ) : null}
      <div aria-live="polite">
        {message.kind === 'conflict' ? (
          <p role="alert" className="error">
            {t('runs.conflict')}
          </p>
        ) : null}
        {message.kind === 'error' ? <ErrorView error={message.error} /> : null}
        {job === null && !props.canStart && pollError === undefined ? (
          <p className="muted">{t('runs.idle')}</p>
        ) : null}
        {pollError !== undefined && job === null ? <ErrorView error={pollError} /> : null}
        {job ? (
          <JobProgress
            job={job}
            step={stepLabel(job.step, t)}
            progressLabel="runs.progressLabel"
            failedMessage="runs.failed"
          >
            {summary ? (
              <p className="ok">
                {t('runs.succeeded', {
                  asOf: summary.asOf,
                  customers: formatNumber(summary.customers, lang),
                  duration: formatDuration(summary.durationMs, lang),
                })}{' '}
                {TIERS.map(
                  (tier) => `${tierName(tier, lang)} ${formatNumber(summary.tiers[tier], lang)}`,
                ).join(' · ')}
              </p>
            ) : null}
          </JobProgress>
        ) : null}
      </div>
    </>
  );
}
