import type { CustomerScope } from '../../../contracts/access/principal.js';
import type { Dialect } from '../../dialects/dialect.js';
import { sql, type SqlQuery } from '../../query.js';
import { customerColumnsSql, customerRowsFromSql } from './customer-rows-sql.js';
import { filterConditionsSql, type CustomerFilter } from './list-customers-sql.js';
import { scopeConditionSql } from './scope-sql.js';
import { SqlParams } from './sql-params.js';

export interface ExportPageQuery {
  readonly runId: string;
  readonly scope: CustomerScope;
  readonly personalVisible: boolean;
  readonly filter: CustomerFilter;
  /** The last customer_id of the previous page (null for the first). */
  readonly afterId: string | null;
  readonly limit: number;
}

/** One page of an export, in customer_id order (keyset: each page starts after the previous page's last id). */
export function exportPageSql(d: Dialect, q: ExportPageQuery): SqlQuery {
  const p = new SqlParams(d);
  const where = [
    `s.run_id = ${p.add(q.runId)}`,
    scopeConditionSql(q.scope, p),
    ...filterConditionsSql(q.filter, p),
  ];
  if (q.afterId !== null) where.push(`s.customer_id > ${p.add(q.afterId)}`);
  return sql(
    `SELECT ${customerColumnsSql(d, q.personalVisible)}
${customerRowsFromSql(d)}
WHERE ${where.join('\n  AND ')}
ORDER BY s.customer_id
LIMIT ${p.add(q.limit)}`,
    p.values,
  );
}
