import { useState } from 'react';
import { Async, Empty } from '../common/states';
import { useApi } from '../common/use-api';
import { useCan } from '../common/use-permission';
import { useI18n } from '../i18n/i18n';
import { GenerateReport } from '../reports/GenerateReport';
import { ReportList } from '../reports/ReportList';
import type { ReportList as ReportPage } from '../reports/types';

const PAGE_SIZE = 20;

/** 报告: the weekly and monthly reports, generated now (for those who may start runs) or by schedules. */
export function ReportsPage() {
  const { t } = useI18n();
  const can = useCan();
  const readable = can('aggregates.read');
  const [offset, setOffset] = useState(0);
  const reports = useApi<ReportPage>(readable ? `/reports?limit=${PAGE_SIZE}&offset=${offset}` : null);

  if (!readable) return <Empty>{t('common.forbidden')}</Empty>;
  return (
    <section className="reports-page" aria-labelledby="reports-title">
      <h1 id="reports-title">{t('nav.reports')}</h1>
      {can('runs.start') ? (
        <section className="card section" aria-labelledby="generate-title">
          <h2 id="generate-title">{t('reports.generateTitle')}</h2>
          <GenerateReport onGenerated={reports.reload} />
        </section>
      ) : null}
      <section className="card section" aria-labelledby="report-list-title">
        <h2 id="report-list-title">{t('reports.listTitle')}</h2>
        <Async data={reports.data} error={reports.error}>
          {(data) => (
            <ReportList
              reports={data}
              offset={offset}
              pageSize={PAGE_SIZE}
              onOffset={setOffset}
              busy={reports.loading}
              canDelete={can('reports.delete')}
              onDeleted={reports.reload}
            />
          )}
        </Async>
      </section>
    </section>
  );
}
