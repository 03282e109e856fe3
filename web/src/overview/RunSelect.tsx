import { useI18n } from '../i18n/i18n';
import type { RunSummary } from './runs';

/**
 * A labelled select of runs (as-of date and id). With `latestLabel`, an empty first option stands for "the latest
 * run" so that the page follows new runs.
 */
export function RunSelect(props: {
  label: string;
  runs: readonly RunSummary[];
  value: string;
  onChange(runId: string): void;
  latestLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <label className="insights-run-select">
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.latestLabel !== undefined ? <option value="">{props.latestLabel}</option> : null}
        {props.runs.map((r) => (
          <option key={r.runId} value={r.runId}>
            {t('overview.runOption', { asOf: r.asOf, run: r.runId })}
          </option>
        ))}
      </select>
    </label>
  );
}
