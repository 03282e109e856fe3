import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/** The customers one rep owns, with the tier and visits of a run's snapshot and where to find them. */
export function repCustomersSql(d: Dialect, runId: string, repId: string): SqlQuery {
  const q = d.quoteIdent;
  return sql(
    `SELECT c.customer_id, c.name, c.address, c.district, c.lat, c.lon, s.tier, s.visits_per_month
FROM ${q('customer_owners_clean')} o
JOIN ${q('customers_clean')} c ON c.customer_id = o.customer_id
JOIN tier_snapshots s ON s.customer_id = o.customer_id AND s.run_id = ${d.param(1)}
WHERE o.rep_id = ${d.param(2)}
ORDER BY c.customer_id`,
    [runId, repId],
  );
}
