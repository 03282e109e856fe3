import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/messages';
import { useI18n } from '../i18n/i18n';
import { ProgressBar } from './ProgressBar';
import type { Job } from './types';

/**
 * A background job as it goes: status, current step and who asked, the progress bar, the error when it failed, and
 * what it produced (`children`, once there is something to show).
 */
export function JobProgress(props: {
  readonly job: Job;
  /** The readable name of the job's current step. */
  readonly step: string;
  readonly progressLabel: MessageKey;
  /** Message with {code} and {message}. */
  readonly failedMessage: MessageKey;
  readonly children?: ReactNode;
}) {
  const { t } = useI18n();
  const { job } = props;
  const inProgress = job.status === 'queued' || job.status === 'running';
  return (
    <div className="job">
      <p>
        <strong>{t(`runs.status.${job.status}`)}</strong>
        {inProgress ? ` · ${props.step}` : ''}{' '}
        <span className="muted small">{t('runs.jobLine', { job: job.jobId, by: job.requestedBy })}</span>
      </p>
      <ProgressBar value={job.progress} label={t(props.progressLabel)} />
      {job.status === 'failed' && job.error ? (
        <p role="alert" className="error">
          {t(props.failedMessage, { code: job.error.code, message: job.error.message })}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}
