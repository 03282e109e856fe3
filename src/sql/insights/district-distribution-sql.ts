import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/** Customers per district and tier of one city, as distributionSql counts them for a whole run. */
export function districtDistributionSql(d: Dialect, runId: string, city: string): SqlQuery {
  return sql(
    `SELECT coalesce(district, '(unknown)') AS value, tier, count(*) AS customers
     FROM tier_snapshots WHERE run_id = ${d.param(1)} AND city = ${d.param(2)} GROUP BY 1, 2`,
    [runId, city],
  );
}
