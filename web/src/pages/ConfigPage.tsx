import { useRef, useState } from 'react';
import { api } from '../api/client';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { Async, Empty, ErrorView } from '../common/states';
import { useApi } from '../common/use-api';
import { useCan } from '../common/use-permission';
import { ActiveConfig } from '../config/ActiveConfig';
import { CandidateEditor } from '../config/CandidateEditor';
import { ConfigAudit } from '../config/ConfigAudit';
import { ConfigDiff } from '../config/ConfigDiff';
import type { ConfigVersion, ConfigVersionSummary } from '../config/types';
import { VersionHistory } from '../config/VersionHistory';
import { WhatIfPanel } from '../config/WhatIfPanel';
import { useI18n } from '../i18n/i18n';

/**
 * 分级配置: the active configuration, a candidate editor with validation, what-if of a saved version against the
 * active one, activation, the version history with a diff, and the audit of configuration changes. Each action
 * is shown only to callers whose role allows it (the API checks again).
 */
export function ConfigPage() {
  const { t } = useI18n();
  const can = useCan();
  const readable = can('configs.read');
  const active = useApi<ConfigVersion>(readable ? '/configs/active' : null);
  const versions = useApi<{ items: ConfigVersionSummary[] }>(readable ? '/configs' : null);
  const [draft, setDraft] = useState<string | null>(null);
  const [whatIfVersion, setWhatIfVersion] = useState<number | undefined>(undefined);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [notice, setNotice] = useState<
    { kind: 'ok'; text: string } | { kind: 'error'; error: unknown } | null
  >(null);
  const [auditKey, setAuditKey] = useState(0);
  const editor = useRef<HTMLElement>(null);
  const whatIf = useRef<HTMLElement>(null);

  if (!readable) return <Empty>{t('config.forbidden')}</Empty>;

  const changed = () => {
    versions.reload();
    active.reload();
    setAuditKey((k) => k + 1);
  };
  const edit = async (version: number) => {
    try {
      const v = await api<ConfigVersion>(`/configs/${version}`);
      setDraft(v.yaml);
      editor.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      editor.current?.querySelector('textarea')?.focus();
    } catch (error) {
      setNotice({ kind: 'error', error });
    }
  };
  const showWhatIf = (version: number) => {
    setWhatIfVersion(version);
    whatIf.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  const activate = async (version: number) => {
    setConfirming(null);
    try {
      await api<ConfigVersion>(`/configs/${version}/activate`, { method: 'POST' });
      setNotice({ kind: 'ok', text: t('config.activated', { version }) });
      changed();
    } catch (error) {
      setNotice({ kind: 'error', error });
    }
  };
  const canWrite = can('configs.write');
  const onActivate = can('configs.activate') ? (v: number) => setConfirming(v) : undefined;

  return (
    <section className="config-page" aria-labelledby="config-title">
      <h1 id="config-title">{t('nav.config')}</h1>
      <div aria-live="polite">
        {notice?.kind === 'ok' ? <p className="ok">{notice.text}</p> : null}
        {notice?.kind === 'error' ? <ErrorView error={notice.error} /> : null}
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="active-title">
          <h2 id="active-title">{t('config.activeTitle')}</h2>
          <Async data={active.data} error={active.error}>
            {(config) => <ActiveConfig config={config} />}
          </Async>
        </section>
        {canWrite ? (
          <section className="card" aria-labelledby="candidate-title" ref={editor}>
            <h2 id="candidate-title">{t('config.candidateTitle')}</h2>
            <p className="muted small">{t('config.candidateHelp')}</p>
            {active.data ? (
              <CandidateEditor
                text={draft ?? active.data.yaml}
                onText={setDraft}
                activeYaml={active.data.yaml}
                canSave={canWrite}
                onSaved={(saved) => {
                  changed();
                  setWhatIfVersion(saved.version);
                }}
              />
            ) : null}
          </section>
        ) : null}
      </div>

      {can('whatif.run') ? (
        <section className="card section" aria-labelledby="whatif-title" ref={whatIf}>
          <h2 id="whatif-title">{t('config.whatIfTitle')}</h2>
          <p className="muted small">{t('config.whatIfHelp')}</p>
          <Async data={versions.data} error={versions.error}>
            {(v) => (
              <WhatIfPanel
                versions={v.items}
                version={whatIfVersion}
                onVersion={setWhatIfVersion}
                onActivate={onActivate}
              />
            )}
          </Async>
        </section>
      ) : null}

      <section className="card section" aria-labelledby="history-title">
        <h2 id="history-title">{t('config.historyTitle')}</h2>
        <Async data={versions.data} error={versions.error}>
          {(v) => (
            <>
              <VersionHistory
                versions={v.items}
                onEdit={canWrite ? (n) => void edit(n) : undefined}
                onWhatIf={can('whatif.run') ? showWhatIf : undefined}
                onActivate={onActivate}
              />
              <h3>{t('config.diffTitle')}</h3>
              <ConfigDiff versions={v.items} />
            </>
          )}
        </Async>
      </section>

      {can('audit.read') ? (
        <section className="card section" aria-labelledby="audit-title">
          <h2 id="audit-title">{t('config.audit.title')}</h2>
          <ConfigAudit key={auditKey} />
        </section>
      ) : null}

      {onActivate ? (
        <ConfirmDialog
          open={confirming !== null}
          title={t('config.confirmTitle', { version: confirming ?? '' })}
          confirmLabel={t('config.activate')}
          onConfirm={() => confirming !== null && void activate(confirming)}
          onCancel={() => setConfirming(null)}
        >
          <p>{t('config.confirmBody', { version: confirming ?? '' })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
