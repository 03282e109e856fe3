import {
  REPORT_FORMATS,
  REPORT_LANGUAGES,
  REPORT_PERIODS,
  type ReportFormat,
  type ReportLanguage,
  type ReportPeriod,
} from '../../../src/contracts/reports/report-request';
import { useI18n } from '../i18n/i18n';
import { languageLabel, periodLabel } from './report-labels';

export interface ReportOptions {
  readonly period: ReportPeriod;
  readonly format: ReportFormat;
  readonly language: ReportLanguage;
}

/** The period, format and language of a report: the fields of "generate now" and of a report schedule. */
export function ReportOptionFields({
  value,
  onChange,
}: {
  readonly value: ReportOptions;
  readonly onChange: (next: ReportOptions) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <label>
        {t('reports.period')}
        <select
          value={value.period}
          onChange={(e) => onChange({ ...value, period: e.target.value as ReportPeriod })}
        >
          {REPORT_PERIODS.map((p) => (
            <option key={p} value={p}>
              {periodLabel(p, t)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reports.format')}
        <select
          value={value.format}
          onChange={(e) => onChange({ ...value, format: e.target.value as ReportFormat })}
        >
          {REPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reports.language')}
        <select
          value={value.language}
          onChange={(e) => onChange({ ...value, language: e.target.value as ReportLanguage })}
        >
          {REPORT_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {languageLabel(l, t)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
