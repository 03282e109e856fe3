import { useState } from 'react';
import type { ScheduleAction } from '../../../src/contracts/schedules/schedule-action';
import { api, ApiError } from '../api/client';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { formatDateTimeIn, NONE } from '../common/format';
import { Async, ErrorView } from '../common/states';
import { useApi } from '../common/use-api';
import { useI18n } from '../i18n/i18n';
import { languageLabel, periodLabel } from '../reports/report-labels';
import { ReportOptionFields, type ReportOptions } from '../reports/ReportOptionFields';
import type { Schedule } from './types';

/** Zones offered in the form (any IANA zone may be typed). */
const ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'UTC',
  'Europe/London',
];

/** The field a 400 INVALID_ARGUMENT names (cron or timeZone), to show the message beside it. */
const fieldOf = (e: unknown): string | null => {
  if (!(e instanceof ApiError) || e.status !== 400) return null;
  const field = (e.details as { field?: unknown } | null)?.field;
  return typeof field === 'string' ? field.replace(/^body\./, '') : null;
};

/**
 * Schedules (schedules.manage): a cron expression read in a time zone, with the next time it fires and what
 * it starts (a tiering run or a report); add, enable or disable, delete.
 */
export function Schedules() {
  const { t, lang } = useI18n();
  const list = useApi<{ items: Schedule[] }>('/schedules');
  const [name, setName] = useState('');
  const [cron, setCron] = useState('0 3 * * 1');
  const [timeZone, setTimeZone] = useState('');
  const [enabled, setEnabled] = useState(true);
  const [actionKind, setActionKind] = useState<ScheduleAction['kind']>('run');
  const [report, setReport] = useState<ReportOptions>({ period: 'week', format: 'pdf', language: lang });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [deleting, setDeleting] = useState<Schedule | null>(null);

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      list.reload();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = async () => {
    const body = {
      name: name.trim(),
      cron: cron.trim(),
      enabled,
      ...(timeZone.trim() ? { timeZone: timeZone.trim() } : {}),
      action: actionKind === 'run' ? { kind: 'run' } : { kind: 'report', ...report },
    };
    if (await act(() => api('/schedules', { method: 'POST', body }))) setName('');
  };
  const toggle = (s: Schedule) =>
    void act(() =>
      api(`/schedules/${encodeURIComponent(s.scheduleId)}`, {
        method: 'PATCH',
        body: { enabled: !s.enabled },
      }),
    );
  const remove = (s: Schedule) => {
    setDeleting(null);
    void act(() => api(`/schedules/${encodeURIComponent(s.scheduleId)}`, { method: 'DELETE' }));
  };
  const field = fieldOf(error);
  const actionText = (a: ScheduleAction) =>
    a.kind === 'run'
      ? t('runs.schedules.action.run')
      : t('runs.schedules.reportLine', {
          period: periodLabel(a.period, t),
          format: a.format.toUpperCase(),
          language: languageLabel(a.language, t),
        });

  return (
    <>
      <Async data={list.data} error={list.error}>
        {(d) =>
          d.items.length === 0 ? (
            <p className="muted">{t('runs.schedules.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="compact">
                <caption className="visually-hidden">{t('runs.schedules.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('runs.schedules.name')}</th>
                    <th scope="col">{t('runs.schedules.cron')}</th>
                    <th scope="col">{t('runs.schedules.timeZone')}</th>
                    <th scope="col">{t('runs.schedules.action')}</th>
                    <th scope="col">{t('runs.schedules.status')}</th>
                    <th scope="col">{t('runs.schedules.next')}</th>
                    <th scope="col">{t('runs.schedules.last')}</th>
                    <th scope="col">{t('runs.schedules.createdBy')}</th>
                    <th scope="col">{t('config.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((s) => (
                    <tr key={s.scheduleId}>
                      <th scope="row">{s.name}</th>
                      <td>
                        <code>{s.cron}</code>
                      </td>
                      <td>{s.timeZone}</td>
                      <td>{actionText(s.action)}</td>
                      <td>{s.enabled ? t('runs.schedules.enabled') : t('runs.schedules.disabled')}</td>
                      <td>{formatDateTimeIn(s.nextRunAt, s.timeZone)}</td>
                      <td>{s.lastFiredAt ? formatDateTimeIn(s.lastFiredAt, s.timeZone) : NONE}</td>
                      <td>{s.createdBy}</td>
                      <td className="row-actions">
                        <button type="button" className="link" disabled={busy} onClick={() => toggle(s)}>
                          {s.enabled ? t('runs.schedules.disable') : t('runs.schedules.enable')}
                        </button>
                        <button
                          type="button"
                          className="link danger"
                          disabled={busy}
                          onClick={() => setDeleting(s)}
                          aria-label={t('runs.schedules.deleteNamed', { name: s.name })}
                        >
                          {t('runs.schedules.delete')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Async>

      <form
        className="schedule-form"
        aria-labelledby="schedule-add-title"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <h3 id="schedule-add-title">{t('runs.schedules.add')}</h3>
        <div className="toolbar">
          <label>
            {t('runs.schedules.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
          </label>
          <label>
            {t('runs.schedules.cron')}
            <input
              value={cron}
              onChange={(e) => setCron(e.target.value)}
              required
              maxLength={200}
              aria-describedby="cron-help"
              aria-invalid={field === 'cron'}
              className="mono"
            />
          </label>
          <label>
            {t('runs.schedules.timeZone')}
            <input
              value={timeZone}
              onChange={(e) => setTimeZone(e.target.value)}
              list="schedule-zones"
              placeholder={t('runs.schedules.serverZone')}
              maxLength={100}
              aria-invalid={field === 'timeZone'}
            />
          </label>
          <label>
            {t('runs.schedules.action')}
            <select
              value={actionKind}
              onChange={(e) => setActionKind(e.target.value as ScheduleAction['kind'])}
              aria-describedby={actionKind === 'report' ? 'report-schedule-help' : undefined}
            >
              <option value="run">{t('runs.schedules.action.run')}</option>
              <option value="report">{t('runs.schedules.action.report')}</option>
            </select>
          </label>
          {actionKind === 'report' ? <ReportOptionFields value={report} onChange={setReport} /> : null}
          <label className="checkbox">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
            {t('runs.schedules.enabled')}
          </label>
          <button type="submit" disabled={busy || !name.trim() || !cron.trim()}>
            {t('runs.schedules.addButton')}
          </button>
        </div>
        <p id="cron-help" className="muted small">
          {t('runs.schedules.cronHelp')}
        </p>
        {actionKind === 'report' ? (
          <p id="report-schedule-help" className="muted small">
            {t('runs.schedules.reportHelp')}
          </p>
        ) : null}
        <datalist id="schedule-zones">
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        {error !== undefined ? (
          field === 'cron' || field === 'timeZone' ? (
            <p role="alert" className="error">
              {t(field === 'cron' ? 'runs.schedules.badCron' : 'runs.schedules.badZone', {
                message: error instanceof Error ? error.message : '',
              })}
            </p>
          ) : (
            <ErrorView error={error} />
          )
        ) : null}
      </form>

      <ConfirmDialog
        open={deleting !== null}
        title={t('runs.schedules.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('runs.schedules.delete')}
        onConfirm={() => deleting && remove(deleting)}
        onCancel={() => setDeleting(null)}
      >
        <p>{t('runs.schedules.deleteBody')}</p>
      </ConfirmDialog>
    </>
  );
}
