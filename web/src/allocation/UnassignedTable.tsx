import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Pager } from '../common/Pager';
import { Empty } from '../common/states';
import { useI18n } from '../i18n/i18n';
import { UNASSIGNED_REASON_LABELS } from './reasons';
import type { UnassignedCustomer } from './types';

const PAGE_SIZE = 20;

/** Customers the plan could not place, each with the reason in words. */
export function UnassignedTable({ unassigned }: { unassigned: readonly UnassignedCustomer[] }) {
  const { t } = useI18n();
  const [page, setPage] = useState(0);
  if (unassigned.length === 0) return <Empty>{t('allocation.noUnassigned')}</Empty>;
  const reason = (r: string) => {
    const label = UNASSIGNED_REASON_LABELS[r];
    return label ? t(label) : r;
  };
  const shown = unassigned.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return (
    <>
      <div className="table-scroll">
        <table className="compact">
          <caption className="visually-hidden">{t('allocation.unassignedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('allocation.col.customer')}</th>
              <th scope="col">{t('allocation.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => (
              <tr key={u.customerId}>
                <th scope="row">
                  <Link to={`/customers/${encodeURIComponent(u.customerId)}`}>{u.customerId}</Link>
                </th>
                <td>{reason(u.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {unassigned.length > PAGE_SIZE ? (
        <Pager
          page={page + 1}
          hasPrevious={page > 0}
          hasNext={(page + 1) * PAGE_SIZE < unassigned.length}
          onPrevious={() => setPage((p) => p - 1)}
          onNext={() => setPage((p) => p + 1)}
          label={t('allocation.unassignedCaption')}
        />
      ) : null}
    </>
  );
}
