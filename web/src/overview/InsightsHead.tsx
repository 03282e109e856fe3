import type { RunSummary } from './runs';
import { useI18n } from '../i18n/i18n';
import { RunSelect } from './RunSelect';

/** The title of an insights page and, when there are runs, the run it shows (empty value = the latest). */
export function InsightsHead(props: {
  id: string;
  title: string;
  runs: readonly RunSummary[] | null | undefined;
  run: string;
  onRun(runId: string): void;
}) {
  const { t } = useI18n();
  return (
    <div className="insights-head">
      <h1 id={props.id}>{props.title}</h1>
      {props.runs && props.runs.length > 0 ? (
        <RunSelect
          label={t('overview.run')}
          runs={props.runs}
          value={props.run}
          onChange={props.onRun}
          latestLabel={t('overview.latestRun')}
        />
      ) : null}
    </div>
  );
}
