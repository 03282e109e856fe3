import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { customerScope } from '../../../src/contracts/access/principal';
import { useAuth } from '../auth/auth';
import { formatDate } from '../common/format';
import { Pager } from '../common/Pager';
import { Empty, ErrorView, isNoRun, Loading } from '../common/states';
import { useApi } from '../common/use-api';
import { useCan } from '../common/use-permission';
import { CustomerFiltersForm, type FilterChange } from '../customers/CustomerFiltersForm';
import { CustomerTable } from '../customers/CustomerTable';
import { useFilterOptions } from '../customers/filter-options';
import {
  exportHref,
  hasFilters,
  listPath,
  searchFromView,
  viewFromSearch,
  type CustomerFilters,
  type Sort,
} from '../customers/filters';
import type { CustomerPage } from '../customers/types';
import { useI18n } from '../i18n/i18n';

const PAGE_SIZE = 50;

/**
 * 客户: the customers of the latest run, one page at a time from the server (keyset cursors: a stack of them
 * makes "previous" work), with filters and sort in the URL so that a view can be shared and reloaded.
 */
export function CustomersPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const can = useCan();
  const [search, setSearch] = useSearchParams();
  const { filters, sort } = useMemo(() => viewFromSearch(search), [search]);
  const view = searchFromView(filters, sort).toString();

  // Cursors of the pages before this one; a new view (filters or sort) starts again at page 1.
  const [paging, setPaging] = useState<{ view: string; cursors: readonly string[] }>({ view, cursors: [] });
  const cursors = paging.view === view ? paging.cursors : [];
  const allowed = can('customers.read');
  const path = allowed ? listPath(filters, sort, cursors[cursors.length - 1], PAGE_SIZE) : null;
  const { data, error, loading } = useApi<CustomerPage>(path);
  const options = useFilterOptions(data?.runId);

  const setView = useCallback(
    (next: CustomerFilters, nextSort: Sort, replace: boolean) =>
      setSearch(searchFromView(next, nextSort), { replace }),
    [setSearch],
  );
  const onFilter: FilterChange = (key, value, how) => setView({ ...filters, [key]: value }, sort, how.typing);

  if (!allowed || !user) return <Empty>{t('customers.aggregatesOnly')}</Empty>;
  const scope = customerScope(user);
  // Without any run there is nothing to filter: only say what to do.
  if (isNoRun(error)) return <ErrorView error={error} />;

  return (
    <section className="customers-page" aria-labelledby="customers-title">
      <div className="page-head">
        <h1 id="customers-title">{t('nav.customers')}</h1>
        {data ? (
          <p className="muted">
            {t('customers.runLine', { run: data.runId, asOf: formatDate(data.asOf) })}
            {scope.kind === 'rep' ? ` · ${t('customers.scopeRep')}` : ''}
            {scope.kind === 'team' ? ` · ${t('customers.scopeTeam', { team: scope.team })}` : ''}
          </p>
        ) : null}
        {can('export.read') && data ? (
          <a className="button-link secondary" href={exportHref(filters, data.runId)} download>
            {t('customers.exportCsv')}
          </a>
        ) : null}
      </div>
      <CustomerFiltersForm
        filters={filters}
        options={options}
        scopeKind={scope.kind}
        onChange={onFilter}
        onClear={() => setView({}, sort, false)}
      />
      {error !== undefined ? (
        <ErrorView error={error} />
      ) : data === undefined ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Empty>
          {hasFilters(filters) ? (
            <>
              {t('customers.noMatch')}{' '}
              <button type="button" className="link" onClick={() => setView({}, sort, false)}>
                {t('customers.clearFilters')}
              </button>
            </>
          ) : scope.kind === 'all' ? (
            <>
              {t('customers.noneInRun')} <Link to="/runs">{t('nav.runs')}</Link>
            </>
          ) : (
            t('customers.noneInScope')
          )}
        </Empty>
      ) : (
        <div aria-busy={loading} className={loading ? 'is-loading' : undefined}>
          <CustomerTable items={data.items} sort={sort} onSort={(s) => setView(filters, s, false)} />
          <Pager
            label={t('customers.pager')}
            page={cursors.length + 1}
            hasPrevious={cursors.length > 0}
            hasNext={data.nextCursor !== null}
            busy={loading}
            onPrevious={() => setPaging({ view, cursors: cursors.slice(0, -1) })}
            onNext={() => data.nextCursor && setPaging({ view, cursors: [...cursors, data.nextCursor] })}
          />
        </div>
      )}
    </section>
  );
}
