import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { FromKey, MoversPage, ToKey } from '../../../src/contracts/insights/migration';
import { query } from '../api/client';
import { formatMoney, formatNumber } from '../common/format';
import { Pager } from '../common/Pager';
import { Empty, ErrorView, Loading } from '../common/states';
import { useApi } from '../common/use-api';
import { useI18n } from '../i18n/i18n';
import { keyName } from './key-names';

const PAGE_SIZE = 50;

/** The customers who moved from one key to another between two runs, a page at a time, linking to each. */
export function MoversTable(props: { fromRun: string; toRun: string; from: FromKey; to: ToKey }) {
  const { t, lang } = useI18n();
  const cell = `${props.fromRun}|${props.toRun}|${props.from}|${props.to}`;
  const [paging, setPaging] = useState<{ cell: string; cursors: readonly string[] }>({ cell, cursors: [] });
  const cursors = paging.cell === cell ? paging.cursors : [];
  const path = `/insights/migration/customers${query({
    from: props.fromRun,
    to: props.toRun,
    fromTier: props.from,
    toTier: props.to,
    limit: PAGE_SIZE,
    cursor: cursors[cursors.length - 1],
  })}`;
  const { data, error, loading } = useApi<MoversPage>(path);
  const title = t('migration.moversTitle', {
    from: keyName(props.from, lang, t),
    to: keyName(props.to, lang, t),
  });

  return (
    <section className="card insights-movers" aria-labelledby="migration-movers">
      <h2 id="migration-movers">{title}</h2>
      {error !== undefined ? (
        <ErrorView error={error} />
      ) : data === undefined ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Empty>{t('migration.noMovers')}</Empty>
      ) : (
        <div aria-busy={loading}>
          <div className="insights-table-wrap">
            <table>
              <caption className="insights-sr-only">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('migration.col.customer')}</th>
                  <th scope="col">{t('migration.col.city')}</th>
                  <th scope="col">{t('migration.col.from')}</th>
                  <th scope="col">{t('migration.col.to')}</th>
                  <th scope="col" className="num">
                    {t('migration.col.score')}
                  </th>
                  <th scope="col" className="num">
                    {t('migration.col.monetary')}
                  </th>
                  <th scope="col">{t('migration.col.owner')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((m) => (
                  <tr key={m.customerId}>
                    <th scope="row">
                      <Link to={`/customers/${encodeURIComponent(m.customerId)}`}>
                        {m.name ?? m.customerId}
                      </Link>
                      <span className="insights-id"> {m.customerId}</span>
                    </th>
                    <td>{[m.city, m.district].filter(Boolean).join(' ')}</td>
                    <td>{keyName(m.from, lang, t)}</td>
                    <td>{keyName(m.to, lang, t)}</td>
                    <td className="num">
                      {formatNumber(m.fromScore, lang, 2)} → {formatNumber(m.toScore, lang, 2)}
                    </td>
                    <td className="num">{formatMoney(m.monetary, lang)}</td>
                    <td>{m.owner ? `${m.owner.repName ?? m.owner.repId} · ${m.owner.team}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            label={t('migration.pager')}
            page={cursors.length + 1}
            hasPrevious={cursors.length > 0}
            hasNext={data.nextCursor !== null}
            busy={loading}
            onPrevious={() => setPaging({ cell, cursors: cursors.slice(0, -1) })}
            onNext={() => data.nextCursor && setPaging({ cell, cursors: [...cursors, data.nextCursor] })}
          />
        </div>
      )}
    </section>
  );
}
