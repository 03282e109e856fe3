import type { CustomerScope } from '../../contracts/access/principal.js';
import { scopeConditionSql } from '../api/customers/scope-sql.js';
import { SqlParams } from '../api/customers/sql-params.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { seatBandSql } from './profile-members-sql.js';

/**
 * A surviving customer's cuisine, seat band and place, if it exists and is within the caller's scope (its owner
 * in customer_owners_clean); no row otherwise.
 */
export function profileSubjectSql(d: Dialect, customerId: string, scope: CustomerScope): SqlQuery {
  const p = new SqlParams(d);
  const q = d.quoteIdent;
  return sql(
    `SELECT c.customer_id, c.cuisine, ${seatBandSql('c.seats')} AS seat_band, c.city, c.district
FROM ${q('customers_clean')} c
LEFT JOIN ${q('customer_owners_clean')} o ON o.customer_id = c.customer_id
WHERE c.customer_id = ${p.add(customerId)} AND ${scopeConditionSql(scope, p)}`,
    p.values,
  );
}
