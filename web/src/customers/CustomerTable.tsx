import { Link } from 'react-router-dom';
import { formatMoney, formatNumber, NONE } from '../common/format';
import { SortHeader } from '../common/SortHeader';
import { TagChips, TierBadge } from '../common/TierBadge';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { toggleSort, type Sort, type SortKey } from './filters';
import { customerTypeName } from './labels';
import type { CustomerItem } from './types';

const SORTABLE: Readonly<Record<SortKey, MessageKey>> = {
  name: 'customers.col.customer',
  score: 'customers.col.score',
  monetary: 'customers.col.monetary',
  recency: 'customers.col.recency',
};

/** One page of customers; the sortable headers ask the server for another order. Masked values as they come. */
export function CustomerTable(props: {
  items: readonly CustomerItem[];
  sort: Sort;
  onSort(sort: Sort): void;
}) {
  const { t, lang } = useI18n();
  const { sort, onSort } = props;
  const header = (key: SortKey, numeric = false) => (
    <SortHeader
      label={t(SORTABLE[key])}
      active={sort.key === key}
      direction={sort.direction}
      onSort={() => onSort(toggleSort(sort, key))}
      numeric={numeric}
    />
  );
  return (
    <div className="table-scroll">
      <table className="customer-table">
        <caption className="visually-hidden">{t('customers.tableCaption')}</caption>
        <thead>
          <tr>
            {header('name')}
            <th scope="col">{t('customers.col.tier')}</th>
            {header('score', true)}
            <th scope="col">{t('customers.col.tags')}</th>
            <th scope="col">{t('customers.col.location')}</th>
            <th scope="col">{t('customers.col.type')}</th>
            <th scope="col">{t('customers.col.cuisine')}</th>
            {header('monetary', true)}
            {header('recency', true)}
            <th scope="col" className="num">
              {t('customers.col.frequency')}
            </th>
            <th scope="col">{t('customers.col.owner')}</th>
            <th scope="col">{t('customers.col.contact')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((c) => (
            <tr key={c.customerId}>
              <th scope="row">
                <Link to={`/customers/${encodeURIComponent(c.customerId)}`}>{c.name ?? c.customerId}</Link>
                <div className="muted small">{c.customerId}</div>
              </th>
              <td>
                <TierBadge tier={c.tier} />
              </td>
              <td className="num">{formatNumber(c.score, lang, 2)}</td>
              <td>
                <TagChips tags={c.tags} />
              </td>
              <td>{[c.city, c.district].filter(Boolean).join(' · ') || NONE}</td>
              <td>{c.type ? customerTypeName(c.type, t) : NONE}</td>
              <td>{c.cuisine ?? NONE}</td>
              <td className="num">{formatMoney(c.monetary, lang)}</td>
              <td className="num">
                {c.recencyDays === null ? NONE : t('customers.days', { n: c.recencyDays })}
              </td>
              <td className="num">{formatNumber(c.frequency, lang, 1)}</td>
              <td>
                {c.owner ? (
                  <>
                    {c.owner.repName ?? c.owner.repId}
                    <div className="muted small">
                      {c.owner.repId} · {c.owner.team}
                    </div>
                  </>
                ) : (
                  NONE
                )}
              </td>
              <td>
                {c.contact.name ?? NONE}
                <div className="muted small">{c.contact.phone ?? ''}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
