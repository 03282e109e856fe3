import type { ReportLanguage, ReportPeriod } from '../../../src/contracts/reports/report-request';
import type { MessageKey } from '../i18n/messages';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export const periodLabel = (period: ReportPeriod, t: T): string => t(`reports.period.${period}`);
export const languageLabel = (language: ReportLanguage, t: T): string => t(`reports.language.${language}`);

/** Where a report's download is served. */
export const downloadHref = (reportId: string): string =>
  `/api/v1/reports/${encodeURIComponent(reportId)}/download`;

/** A file size: 840 B, 12.5 KB, 1.2 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A report job's step in the current language; the renderer's own steps are shown as it wrote them. */
export function reportStepLabel(step: string | null, t: T): string {
  if (step === null) return t('runs.step.waiting');
  return step === 'Storing the report' ? t('reports.step.storing') : step;
}
