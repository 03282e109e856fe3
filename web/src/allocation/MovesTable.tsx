import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatMoneyChange } from '../common/format';
import { Pager } from '../common/Pager';
import { Empty } from '../common/states';
import { useI18n } from '../i18n/i18n';
import type { AllocationPlan } from './types';

const PAGE_SIZE = 20;

/** The plan's changes of owner, largest gain first, a page at a time. */
export function MovesTable({ plan }: { plan: AllocationPlan }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(0);
  const names = useMemo(() => new Map(plan.owners.map((o) => [o.id, o.name])), [plan.owners]);
  const moves = useMemo(
    () => [...plan.moves].sort((a, b) => b.gain - a.gain || a.customerId.localeCompare(b.customerId)),
    [plan.moves],
  );
  if (moves.length === 0) return <Empty>{t('allocation.noMoves')}</Empty>;
  const owner = (id: string | null) =>
    id === null ? t('allocation.noOwner') : names.has(id) ? `${names.get(id)} (${id})` : id;
  const shown = moves.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return (
    <>
      <div className="table-scroll">
        <table className="compact">
          <caption className="visually-hidden">{t('allocation.movesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('allocation.col.customer')}</th>
              <th scope="col">{t('allocation.col.from')}</th>
              <th scope="col">{t('allocation.col.to')}</th>
              <th scope="col">{t('allocation.col.team')}</th>
              <th scope="col" className="num">
                {t('allocation.col.gain')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={m.customerId}>
                <th scope="row">
                  <Link to={`/customers/${encodeURIComponent(m.customerId)}`}>{m.customerId}</Link>
                </th>
                <td>{owner(m.from)}</td>
                <td>{owner(m.to)}</td>
                <td>{m.toTeam}</td>
                <td className="num">{formatMoneyChange(m.gain, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {moves.length > PAGE_SIZE ? (
        <Pager
          page={page + 1}
          hasPrevious={page > 0}
          hasNext={(page + 1) * PAGE_SIZE < moves.length}
          onPrevious={() => setPage((p) => p - 1)}
          onNext={() => setPage((p) => p + 1)}
          label={t('allocation.movesCaption')}
        />
      ) : null}
    </>
  );
}
