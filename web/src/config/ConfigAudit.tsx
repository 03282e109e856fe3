import { useMemo } from 'react';
import { formatDateTime, NONE } from '../common/format';
import { Async } from '../common/states';
import { useApi } from '../common/use-api';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { AuditEntry } from './types';

const ACTIONS: Readonly<Record<string, MessageKey>> = {
  'config.created': 'config.audit.created',
  'config.activated': 'config.audit.activated',
};

/**
 * Who saved and activated which configuration, newest first (the audit log answers admins only). The page gives
 * it a new `key` after a change, so that it reads the log again.
 */
export function ConfigAudit() {
  const { t } = useI18n();
  const created = useApi<{ items: AuditEntry[] }>(`/audit?action=config.created&limit=100`);
  const activated = useApi<{ items: AuditEntry[] }>(`/audit?action=config.activated&limit=100`);
  const entries = useMemo(
    () =>
      created.data && activated.data
        ? [...created.data.items, ...activated.data.items].sort((a, b) => b.at.localeCompare(a.at))
        : undefined,
    [created.data, activated.data],
  );
  return (
    <Async data={entries} error={created.error ?? activated.error}>
      {(items) =>
        items.length === 0 ? (
          <p className="muted">{t('config.audit.none')}</p>
        ) : (
          <div className="table-scroll">
            <table className="compact">
              <caption className="visually-hidden">{t('config.audit.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('config.audit.at')}</th>
                  <th scope="col">{t('config.audit.actor')}</th>
                  <th scope="col">{t('config.audit.action')}</th>
                  <th scope="col">{t('config.audit.target')}</th>
                  <th scope="col">{t('config.audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <tr key={e.auditId}>
                    <th scope="row">{formatDateTime(e.at)}</th>
                    <td>{e.actor ?? NONE}</td>
                    <td>{ACTIONS[e.action] ? t(ACTIONS[e.action]!) : e.action}</td>
                    <td>{e.target ?? NONE}</td>
                    <td>{describe(e.details, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </Async>
  );
}

/** The details the API records for config.created ({comment}) and config.activated ({previousVersion}). */
function describe(
  details: unknown,
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
): string {
  if (typeof details !== 'object' || details === null) return NONE;
  const d = details as { comment?: unknown; previousVersion?: unknown };
  const parts: string[] = [];
  if (typeof d.previousVersion === 'number')
    parts.push(t('config.audit.previous', { version: d.previousVersion }));
  if (typeof d.comment === 'string' && d.comment) parts.push(d.comment);
  return parts.join(' · ') || NONE;
}
