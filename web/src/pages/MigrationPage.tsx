import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  FROM_KEYS,
  TO_KEYS,
  type FromKey,
  type Migration,
  type ToKey,
} from '../../../src/contracts/insights/migration';
import { query } from '../api/client';
import { formatNumber } from '../common/format';
import { Empty, ErrorView, Loading } from '../common/states';
import { useApi } from '../common/use-api';
import { useCan } from '../common/use-permission';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { MatrixTable } from '../migration/MatrixTable';
import { MigrationSankey } from '../migration/MigrationSankey';
import { MoversTable } from '../migration/MoversTable';
import { RunSelect } from '../overview/RunSelect';
import { useRuns } from '../overview/runs';

const fromKey = (v: string | null): FromKey | null =>
  v !== null && (FROM_KEYS as readonly string[]).includes(v) ? (v as FromKey) : null;
const toKey = (v: string | null): ToKey | null =>
  v !== null && (TO_KEYS as readonly string[]).includes(v) ? (v as ToKey) : null;

const TOTALS: readonly { key: keyof Migration['totals']; label: MessageKey }[] = [
  { key: 'customers', label: 'migration.totals.customers' },
  { key: 'stayed', label: 'migration.totals.stayed' },
  { key: 'up', label: 'migration.totals.up' },
  { key: 'down', label: 'migration.totals.down' },
  { key: 'new', label: 'migration.totals.new' },
  { key: 'gone', label: 'migration.totals.gone' },
  { key: 'excludedChanges', label: 'migration.totals.excluded' },
];

/**
 * 等级迁移: tier movements between any two runs (default: the previous run → the latest) as a Sankey and a table;
 * a link or a row lists the customers who moved, for callers who may see customer rows. State is in the URL
 * (?from=&to=&fromTier=&toTier=).
 */
export function MigrationPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const drill = can('customers.read');
  const [search, setSearch] = useSearchParams();
  const { runs, error: runsError } = useRuns();
  const from = search.get('from') ?? runs?.[1]?.runId ?? '';
  const to = search.get('to') ?? runs?.[0]?.runId ?? '';
  const cellFrom = fromKey(search.get('fromTier'));
  const cellTo = toKey(search.get('toTier'));
  const cell = drill && cellFrom && cellTo ? { from: cellFrom, to: cellTo } : null;
  const enough = runs !== undefined && runs.length >= 2;
  const { data, error, loading } = useApi<Migration>(
    enough && from && to ? `/insights/migration${query({ from, to })}` : null,
  );
  const movers = useRef<HTMLDivElement>(null);

  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setSearch((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      }),
    [setSearch],
  );
  const select = useCallback(
    (f: FromKey, tk: ToKey) => update({ from, to, fromTier: f, toTier: tk }),
    [update, from, to],
  );
  const cellKey = cell ? `${cell.from}>${cell.to}` : '';
  useEffect(() => {
    if (cellKey) movers.current?.scrollIntoView?.({ block: 'nearest' });
  }, [cellKey]);

  return (
    <section className="insights-page" aria-labelledby="migration-title">
      <div className="insights-head">
        <h1 id="migration-title">{t('nav.migration')}</h1>
        {enough ? (
          <div className="insights-run-pair">
            <RunSelect
              label={t('migration.fromRun')}
              runs={runs}
              value={from}
              onChange={(v) => update({ from: v, to, fromTier: null, toTier: null })}
            />
            <span aria-hidden="true">→</span>
            <RunSelect
              label={t('migration.toRun')}
              runs={runs}
              value={to}
              onChange={(v) => update({ from, to: v, fromTier: null, toTier: null })}
            />
          </div>
        ) : null}
      </div>
      {runs === undefined ? (
        runsError !== undefined ? (
          <ErrorView error={runsError} />
        ) : (
          <Loading />
        )
      ) : runs.length === 0 ? (
        <Empty>{t('empty.noRuns')}</Empty>
      ) : runs.length < 2 ? (
        <Empty>{t('migration.needTwoRuns')}</Empty>
      ) : error !== undefined ? (
        <ErrorView error={error} />
      ) : data === undefined ? (
        <Loading />
      ) : (
        <div aria-busy={loading}>
          {data.from && data.from.asOf > data.to.asOf ? (
            <p className="insights-note" role="note">
              {t('migration.reversed')}
            </p>
          ) : null}
          <dl className="insights-totals">
            {TOTALS.map((x) => (
              <div key={x.key}>
                <dt>{t(x.label)}</dt>
                <dd>{formatNumber(data.totals[x.key], lang)}</dd>
              </div>
            ))}
          </dl>
          <section className="card" aria-labelledby="migration-sankey">
            <h2 id="migration-sankey">
              {t('migration.sankeyTitle', {
                from: data.from?.asOf ?? '—',
                to: data.to.asOf,
              })}
            </h2>
            <p className="insights-note">
              {drill ? t('migration.clickHint') : t('migration.aggregatesOnly')}
            </p>
            <MigrationSankey migration={data} onLink={drill ? select : undefined} />
            <details>
              <summary>{t('migration.matrixTitle')}</summary>
              <MatrixTable migration={data} selected={cell} onSelect={drill ? select : undefined} />
            </details>
          </section>
          <div ref={movers}>
            {cell && data.from ? (
              <MoversTable fromRun={data.from.runId} toRun={data.to.runId} from={cell.from} to={cell.to} />
            ) : null}
          </div>
        </div>
      )}
    </section>
  );
}
