import type { CustomerScope } from '../../contracts/access/principal.js';
import { stratumError } from '../../contracts/errors.js';
import type { Engine } from '../../engines/engine.js';
import {
  listCustomersSql,
  type CustomerFilter,
  type SortDirection,
  type SortKey,
} from '../../sql/api/customers/list-customers-sql.js';
import { customerItemOf, type CustomerItem } from './customer-item.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { runOf } from './run-of.js';

export interface ListCustomersRequest {
  readonly scope: CustomerScope;
  readonly personalVisible: boolean;
  readonly runId?: string | undefined;
  readonly filter: CustomerFilter;
  readonly sort: SortKey;
  readonly direction: SortDirection;
  readonly cursor?: string | undefined;
  readonly limit: number;
}

export interface CustomerPage {
  readonly runId: string;
  readonly asOf: string;
  readonly items: CustomerItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** Natural default direction of a sort key: best customers first, names A→Z, most recent buyers first. */
export const defaultDirection = (sort: SortKey): SortDirection =>
  sort === 'score' || sort === 'monetary' ? 'desc' : 'asc';

/**
 * One page of a run's customers within the caller's scope. The cursor carries the run it started on, so paging
 * through continues on that run even when a newer one is committed meanwhile.
 */
export async function listCustomers(engine: Engine, r: ListCustomersRequest): Promise<CustomerPage> {
  const after = r.cursor === undefined ? null : decodeCursor(r.cursor, r.sort, r.direction);
  if (after && r.runId !== undefined && after.runId !== r.runId)
    throw stratumError('INVALID_ARGUMENT', `cursor: it continues run ${after.runId}, not ${r.runId}`, {
      field: 'cursor',
    });
  const run = await runOf(engine, after?.runId ?? r.runId);
  const rows = await engine.read(
    listCustomersSql(engine.dialect, {
      runId: run.runId,
      scope: r.scope,
      personalVisible: r.personalVisible,
      filter: r.filter,
      sort: r.sort,
      direction: r.direction,
      after: after ? { value: after.value, id: after.id } : null,
      limit: r.limit + 1,
    }),
  );
  const page = rows.slice(0, r.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > r.limit && last
      ? encodeCursor({
          runId: run.runId,
          sort: r.sort,
          direction: r.direction,
          value: last.sort_value as string | number,
          id: String(last.customer_id),
        })
      : null;
  return { runId: run.runId, asOf: run.asOf, items: page.map(customerItemOf), nextCursor };
}
