import { useState } from 'react';
import { api, ApiError } from '../api/client';
import { ErrorView } from '../common/states';
import { useI18n } from '../i18n/i18n';
import { JobProgress } from '../runs/JobProgress';
import type { Job } from '../runs/types';
import { useJob } from '../runs/use-job';
import { downloadHref, reportStepLabel } from './report-labels';
import { ReportOptionFields, type ReportOptions } from './ReportOptionFields';
import type { ReportJobResult } from './types';

/**
 * Generate a report now (runs.start): period, format and language, then the job's progress every second and,
 * once stored, its download. Another job in progress (409) is said, not waited for.
 */
export function GenerateReport({ onGenerated }: { onGenerated(): void }) {
  const { t, lang } = useI18n();
  const [options, setOptions] = useState<ReportOptions>({ period: 'week', format: 'html', language: lang });
  const [jobId, setJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const { job, error: pollError } = useJob(jobId, onGenerated);

  const generate = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<{ jobId: string; job: Job }>('/reports', {
        method: 'POST',
        body: options,
      });
      setJobId(r.jobId);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const inProgress = job !== null && (job.status === 'queued' || job.status === 'running');
  const result = job?.status === 'succeeded' ? (job.result as ReportJobResult | null) : null;

  return (
    <>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void generate();
        }}
      >
        <ReportOptionFields value={options} onChange={setOptions} />
        <button type="submit" disabled={busy || inProgress}>
          {t('reports.generate')}
        </button>
        <span className="muted small">{t('reports.generateHelp')}</span>
      </form>
      <div aria-live="polite">
        {error instanceof ApiError && error.status === 409 ? (
          <p role="alert" className="error">
            {t('reports.conflict')}
          </p>
        ) : error !== undefined ? (
          <ErrorView error={error} />
        ) : null}
        {pollError !== undefined && job === null ? <ErrorView error={pollError} /> : null}
        {job ? (
          <JobProgress
            job={job}
            step={reportStepLabel(job.step, t)}
            progressLabel="reports.progressLabel"
            failedMessage="reports.failed"
          >
            {result ? (
              <p className="ok">
                {t('reports.ready', { title: result.title })}{' '}
                <a className="button-link" href={downloadHref(result.reportId)} download>
                  {t('reports.downloadNamed', { filename: result.filename })}
                </a>
              </p>
            ) : null}
          </JobProgress>
        ) : null}
      </div>
    </>
  );
}
