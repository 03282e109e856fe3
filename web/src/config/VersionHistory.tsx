import { formatDateTime, NONE } from '../common/format';
import { useI18n } from '../i18n/i18n';
import type { ConfigVersionSummary } from './types';

/**
 * Every saved version, newest first: author, time, comment, whether it is active; per row the actions the caller
 * may take (edit a copy, what-if against the active version, activate).
 */
export function VersionHistory(props: {
  versions: readonly ConfigVersionSummary[];
  onEdit?: (version: number) => void;
  onWhatIf?: (version: number) => void;
  onActivate?: (version: number) => void;
}) {
  const { t } = useI18n();
  const hasActions = props.onEdit || props.onWhatIf || props.onActivate;
  return (
    <div className="table-scroll">
      <table className="compact">
        <caption className="visually-hidden">{t('config.historyCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('config.col.version')}</th>
            <th scope="col">{t('config.col.status')}</th>
            <th scope="col">{t('config.col.author')}</th>
            <th scope="col">{t('config.col.created')}</th>
            <th scope="col">{t('config.col.activated')}</th>
            <th scope="col">{t('config.col.comment')}</th>
            <th scope="col">{t('config.col.hash')}</th>
            {hasActions ? <th scope="col">{t('config.col.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.versions.map((v) => (
            <tr key={v.version} className={v.active ? 'active-row' : undefined}>
              <th scope="row">v{v.version}</th>
              <td>
                {v.active ? <strong className="ok">{t('config.active')}</strong> : t('config.inactive')}
              </td>
              <td>{v.createdBy}</td>
              <td>{formatDateTime(v.createdAt)}</td>
              <td>{formatDateTime(v.activatedAt)}</td>
              <td>{v.comment ?? NONE}</td>
              <td>
                <code title={v.configHash}>{v.configHash.slice(0, 8)}</code>
              </td>
              {hasActions ? (
                <td className="row-actions">
                  {props.onEdit ? (
                    <button
                      type="button"
                      className="link"
                      onClick={() => props.onEdit?.(v.version)}
                      aria-label={t('config.editVersion', { version: v.version })}
                    >
                      {t('config.edit')}
                    </button>
                  ) : null}
                  {props.onWhatIf && !v.active ? (
                    <button
                      type="button"
                      className="link"
                      onClick={() => props.onWhatIf?.(v.version)}
                      aria-label={t('config.whatIfVersion', { version: v.version })}
                    >
                      {t('config.whatIf')}
                    </button>
                  ) : null}
                  {props.onActivate && !v.active ? (
                    <button
                      type="button"
                      className="link"
                      onClick={() => props.onActivate?.(v.version)}
                      aria-label={t('config.activateVersion', { version: v.version })}
                    >
                      {t('config.activate')}
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
