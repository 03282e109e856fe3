import { useMemo, useState } from 'react';
import { Async } from '../common/states';
import { useApi } from '../common/use-api';
import { useI18n } from '../i18n/i18n';
import { diffChunks, diffStats, lineDiff } from './line-diff';
import type { ConfigVersion, ConfigVersionSummary } from './types';

/** Two versions side by side as a line diff (changes with 3 lines of context), chosen with two selects. */
export function ConfigDiff({ versions }: { versions: readonly ConfigVersionSummary[] }) {
  const { t } = useI18n();
  const newest = versions[0]?.version;
  const active = versions.find((v) => v.active)?.version;
  const defaultFrom = active !== undefined && active !== newest ? active : versions[1]?.version;
  const [from, setFrom] = useState<number | undefined>(undefined);
  const [to, setTo] = useState<number | undefined>(undefined);
  const a = from ?? defaultFrom;
  const b = to ?? newest;

  const before = useApi<ConfigVersion>(a === undefined ? null : `/configs/${a}`);
  const after = useApi<ConfigVersion>(b === undefined ? null : `/configs/${b}`);
  const pair =
    before.data && after.data && before.data.version === a && after.data.version === b
      ? { a: before.data, b: after.data }
      : undefined;

  if (versions.length < 2) return <p className="muted">{t('config.diffNeedsTwo')}</p>;
  const select = (value: number | undefined, set: (v: number) => void, label: string) => (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => set(Number(e.target.value))}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            v{v.version}
            {v.active ? ` (${t('config.active')})` : ''}
            {v.comment ? ` · ${v.comment.slice(0, 40)}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <div className="toolbar">
        {select(a, setFrom, t('config.diffFrom'))}
        {select(b, setTo, t('config.diffTo'))}
      </div>
      <Async data={pair} error={before.error ?? after.error}>
        {(p) => <DiffView before={p.a.yaml} after={p.b.yaml} from={p.a.version} to={p.b.version} />}
      </Async>
    </>
  );
}

function DiffView(props: { before: string; after: string; from: number; to: number }) {
  const { t } = useI18n();
  const lines = useMemo(() => lineDiff(props.before, props.after), [props.before, props.after]);
  const chunks = useMemo(() => diffChunks(lines), [lines]);
  const stats = diffStats(lines);
  if (stats.added === 0 && stats.removed === 0) return <p className="muted">{t('config.diffSame')}</p>;
  return (
    <>
      <p className="muted">{t('config.diffStats', { added: stats.added, removed: stats.removed })}</p>
      <pre
        className="diff"
        tabIndex={0}
        aria-label={t('config.diffLabel', { from: props.from, to: props.to })}
      >
        {chunks.map((c, i) =>
          c.kind === 'skipped' ? (
            <div key={i} className="diff-skip">
              {t('config.diffSkipped', { n: c.count })}
            </div>
          ) : (
            c.lines.map((l, j) => (
              <div key={`${i}-${j}`} className={`diff-${l.kind}`}>
                <span className="diff-no" aria-hidden="true">
                  {l.oldLine ?? ''}
                </span>
                <span className="diff-no" aria-hidden="true">
                  {l.newLine ?? ''}
                </span>
                <span className="diff-sign">
                  {l.kind === 'added' ? '+' : l.kind === 'removed' ? '-' : ' '}
                </span>
                {l.kind === 'added' ? (
                  <ins>{l.text}</ins>
                ) : l.kind === 'removed' ? (
                  <del>{l.text}</del>
                ) : (
                  l.text
                )}
              </div>
            ))
          ),
        )}
      </pre>
    </>
  );
}
