import { useState } from 'react';
import { Async, Empty } from '../common/states';
import { useApi } from '../common/use-api';
import { useCan } from '../common/use-permission';
import { useI18n } from '../i18n/i18n';
import { RunHistory } from '../runs/RunHistory';
import { Schedules } from '../runs/Schedules';
import { StartRun } from '../runs/StartRun';
import type { RunList } from '../runs/types';

const PAGE_SIZE = 20;

/** 分级运行: start a run and follow it, the history of runs, and the schedules (for those who manage them). */
export function RunsPage() {
  const { t } = useI18n();
  const can = useCan();
  const readable = can('runs.read');
  const [offset, setOffset] = useState(0);
  const runs = useApi<RunList>(readable ? `/runs?limit=${PAGE_SIZE}&offset=${offset}` : null);

  if (!readable) return <Empty>{t('common.forbidden')}</Empty>;
  return (
    <section className="runs-page" aria-labelledby="runs-title">
      <h1 id="runs-title">{t('nav.runs')}</h1>
      <section className="card section" aria-labelledby="start-title">
        <h2 id="start-title">{can('runs.start') ? t('runs.startTitle') : t('runs.progressTitle')}</h2>
        <StartRun canStart={can('runs.start')} onRunFinished={runs.reload} />
      </section>
      <section className="card section" aria-labelledby="history-title">
        <h2 id="history-title">{t('runs.historyTitle')}</h2>
        <Async data={runs.data} error={runs.error}>
          {(data) => (
            <RunHistory
              runs={data}
              offset={offset}
              pageSize={PAGE_SIZE}
              onOffset={setOffset}
              busy={runs.loading}
            />
          )}
        </Async>
      </section>
      {can('schedules.manage') ? (
        <section className="card section" aria-labelledby="schedules-title">
          <h2 id="schedules-title">{t('runs.schedules.title')}</h2>
          <Schedules />
        </section>
      ) : null}
    </section>
  );
}
