import { useState } from 'react';
import { api, ApiError } from '../api/client';
import { ErrorView } from '../common/states';
import { useI18n } from '../i18n/i18n';
import { IssueList } from './IssueList';
import type { ConfigVersion, Validation } from './types';

type Outcome =
  | { kind: 'none' }
  | { kind: 'valid' }
  | { kind: 'issues'; issues: readonly string[] }
  | { kind: 'saved'; version: number }
  | { kind: 'error'; error: unknown };

/** CONFIG_INVALID answers list their issues in details.issues. */
const issuesOf = (e: unknown): readonly string[] | null => {
  if (!(e instanceof ApiError) || e.code !== 'CONFIG_INVALID') return null;
  const issues = (e.details as { issues?: unknown } | null)?.issues;
  return Array.isArray(issues) ? issues.map(String) : [e.message];
};

/**
 * A candidate configuration in a plain monospace editor: Validate (every issue names its key) and Save as a new
 * inactive version with a comment. `text` lives in the page so that "edit this version" can fill it.
 */
export function CandidateEditor(props: {
  text: string;
  onText(text: string): void;
  activeYaml: string;
  canSave: boolean;
  onSaved(saved: ConfigVersion): void;
}) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const empty = props.text.trim() === '';

  const validate = async () => {
    setBusy(true);
    try {
      const v = await api<Validation>('/configs/validate', { method: 'POST', body: { yaml: props.text } });
      setOutcome(v.valid ? { kind: 'valid' } : { kind: 'issues', issues: v.issues });
    } catch (error) {
      setOutcome({ kind: 'error', error });
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    setBusy(true);
    try {
      const body = comment.trim() ? { yaml: props.text, comment: comment.trim() } : { yaml: props.text };
      const saved = await api<ConfigVersion>('/configs', { method: 'POST', body });
      setOutcome({ kind: 'saved', version: saved.version });
      setComment('');
      props.onSaved(saved);
    } catch (error) {
      const issues = issuesOf(error);
      setOutcome(issues ? { kind: 'issues', issues } : { kind: 'error', error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="candidate" onSubmit={(e) => e.preventDefault()} aria-busy={busy}>
      <label>
        {t('config.candidateLabel')}
        <textarea
          className="yaml-editor"
          value={props.text}
          onChange={(e) => {
            props.onText(e.target.value);
            setOutcome({ kind: 'none' });
          }}
          rows={24}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
        />
      </label>
      <div className="toolbar">
        <button
          type="button"
          className="secondary"
          onClick={() => props.onText(props.activeYaml)}
          disabled={busy}
        >
          {t('config.loadActive')}
        </button>
        <button type="button" onClick={() => void validate()} disabled={busy || empty}>
          {t('config.validate')}
        </button>
      </div>
      {props.canSave ? (
        <div className="toolbar">
          <label className="grow">
            {t('config.comment')}
            <input
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              maxLength={1000}
              placeholder={t('config.commentPlaceholder')}
            />
          </label>
          <button type="button" onClick={() => void save()} disabled={busy || empty}>
            {t('config.save')}
          </button>
        </div>
      ) : null}
      <div aria-live="polite">
        {outcome.kind === 'valid' ? <p className="ok">{t('config.valid')}</p> : null}
        {outcome.kind === 'saved' ? (
          <p className="ok">{t('config.saved', { version: outcome.version })}</p>
        ) : null}
        {outcome.kind === 'issues' ? <IssueList issues={outcome.issues} /> : null}
        {outcome.kind === 'error' ? <ErrorView error={outcome.error} /> : null}
      </div>
    </form>
  );
}
