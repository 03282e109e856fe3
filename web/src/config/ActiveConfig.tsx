import { formatDateTime } from '../common/format';
import { useI18n } from '../i18n/i18n';
import type { ConfigVersion } from './types';

/** The active configuration, read-only: who saved it, when, why, and its YAML. */
export function ActiveConfig({ config }: { config: ConfigVersion }) {
  const { t } = useI18n();
  return (
    <>
      <p className="muted">
        {t('config.versionLine', {
          version: config.version,
          author: config.createdBy,
          at: formatDateTime(config.activatedAt ?? config.createdAt),
        })}
        {config.comment ? ` · ${config.comment}` : ''}
      </p>
      <pre className="yaml" tabIndex={0} aria-label={t('config.activeYaml', { version: config.version })}>
        {config.yaml}
      </pre>
    </>
  );
}
