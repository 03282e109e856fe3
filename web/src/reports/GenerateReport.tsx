import { useState } from 'react';
import {
  REPORT_FORMATS,
  REPORT_LANGUAGES,
  REPORT_PERIODS,
  type ReportFormat,
  type ReportLanguage,
  type ReportPeriod,
} from '../../../src/contracts/reports/report-request';
import { api, ApiError } from '../api/client';
import { ErrorView } from '../common/states';
import { useI18n } from '../i18n/i18n';
import { ProgressBar } from '../runs/ProgressBar';
import type { Job } from '../runs/types';
import { useJob } from '../runs/use-job';
import { downloadHref, languageLabel, periodLabel, reportStepLabel } from './report-labels';
import type { ReportJobResult } from './types';

/**
 * Generate a report now (runs.start): period, format and language, then the job's progress every second and,
 * once stored, its download. Another job in progress (409) is said, not waited for.
 */
export function GenerateReport({ onGenerated }: { onGenerated(): void }) {
  const { t, lang } = useI18n();
  const [period, setPeriod] = useState<ReportPeriod>('week');
  const [format, setFormat] = useState<ReportFormat>('html');
  const [language, setLanguage] = useState<ReportLanguage>(lang);
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
        body: { period, format, language },
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
        <label>
          {t('reports.period')}
          <select value={period} onChange={(e) => setPeriod(e.target.value as ReportPeriod)}>
            {REPORT_PERIODS.map((p) => (
              <option key={p} value={p}>
                {periodLabel(p, t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.format')}
          <select value={format} onChange={(e) => setFormat(e.target.value as ReportFormat)}>
            {REPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.language')}
          <select value={language} onChange={(e) => setLanguage(e.target.value as ReportLanguage)}>
            {REPORT_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {languageLabel(l, t)}
              </option>
            ))}
          </select>
        </label>
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
          <div className="job">
            <p>
              <strong>{t(`runs.status.${job.status}`)}</strong>
              {inProgress ? ` · ${reportStepLabel(job.step, t)}` : ''}{' '}
              <span className="muted small">
                {t('runs.jobLine', { job: job.jobId, by: job.requestedBy })}
              </span>
            </p>
            <ProgressBar value={job.progress} label={t('reports.progressLabel')} />
            {job.status === 'failed' && job.error ? (
              <p role="alert" className="error">
                {t('reports.failed', { code: job.error.code, message: job.error.message })}
              </p>
            ) : null}
            {result ? (
              <p className="ok">
                {t('reports.ready', { title: result.title })}{' '}
                <a className="button-link" href={downloadHref(result.reportId)} download>
                  {t('reports.downloadNamed', { filename: result.filename })}
                </a>
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
    </>
  );
}
