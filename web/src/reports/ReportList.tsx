import { useState } from 'react';
import { api } from '../api/client';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { formatDateTime } from '../common/format';
import { Pager } from '../common/Pager';
import { Empty, ErrorView } from '../common/states';
import { useI18n } from '../i18n/i18n';
import { downloadHref, formatBytes, languageLabel, periodLabel } from './report-labels';
import type { ReportInfo, ReportList as ReportPage } from './types';

/** Stored reports, newest first: what they cover, their file, who asked; download, and delete for admins. */
export function ReportList(props: {
  reports: ReportPage;
  offset: number;
  pageSize: number;
  onOffset(offset: number): void;
  busy: boolean;
  canDelete: boolean;
  onDeleted(): void;
}) {
  const { t } = useI18n();
  const { reports, offset, pageSize } = props;
  const [deleting, setDeleting] = useState<ReportInfo | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  const remove = async (r: ReportInfo) => {
    setDeleting(null);
    setError(undefined);
    try {
      await api(`/reports/${encodeURIComponent(r.reportId)}`, { method: 'DELETE' });
      props.onDeleted();
    } catch (e) {
      setError(e);
    }
  };

  if (reports.total === 0) return <Empty>{t('reports.none')}</Empty>;
  return (
    <>
      {error !== undefined ? <ErrorView error={error} /> : null}
      <div className="table-scroll">
        <table className="compact reports" aria-busy={props.busy}>
          <caption className="visually-hidden">{t('reports.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.col.title')}</th>
              <th scope="col">{t('reports.period')}</th>
              <th scope="col">{t('reports.col.covers')}</th>
              <th scope="col">{t('reports.format')}</th>
              <th scope="col">{t('reports.language')}</th>
              <th scope="col" className="num">
                {t('reports.col.size')}
              </th>
              <th scope="col">{t('reports.col.created')}</th>
              <th scope="col">{t('reports.col.createdBy')}</th>
              <th scope="col">{t('reports.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {reports.items.map((r) => (
              <tr key={r.reportId}>
                <th scope="row">{r.title}</th>
                <td>{periodLabel(r.period, t)}</td>
                <td>
                  {r.periodStart} – {r.periodEnd}
                </td>
                <td>{r.format.toUpperCase()}</td>
                <td>{languageLabel(r.language, t)}</td>
                <td className="num">{formatBytes(r.sizeBytes)}</td>
                <td>{formatDateTime(r.createdAt)}</td>
                <td>{r.scheduleId ? t('reports.bySchedule', { id: r.scheduleId }) : r.createdBy}</td>
                <td className="row-actions">
                  <a
                    className="button-link"
                    href={downloadHref(r.reportId)}
                    download
                    aria-label={t('reports.downloadNamed', { filename: r.filename })}
                  >
                    {t('reports.download')}
                  </a>
                  {props.canDelete ? (
                    <button
                      type="button"
                      className="link danger"
                      onClick={() => setDeleting(r)}
                      aria-label={t('reports.deleteNamed', { title: r.title })}
                    >
                      {t('reports.delete')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        label={t('reports.pager')}
        page={Math.floor(offset / pageSize) + 1}
        hasPrevious={offset > 0}
        hasNext={offset + pageSize < reports.total}
        busy={props.busy}
        onPrevious={() => props.onOffset(Math.max(0, offset - pageSize))}
        onNext={() => props.onOffset(offset + pageSize)}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={t('reports.deleteTitle', { title: deleting?.title ?? '' })}
        confirmLabel={t('reports.delete')}
        onConfirm={() => deleting && void remove(deleting)}
        onCancel={() => setDeleting(null)}
      >
        <p>{t('reports.deleteBody')}</p>
      </ConfirmDialog>
    </>
  );
}
