import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/** Summed in cents, so that money totals are exact and the same on every engine (float sums depend on order). */
export const moneySum = (expr: string): string => `coalesce(sum(CAST(${expr} AS DECIMAL(18,2))), 0)`;

/** Customers, net purchases and margin per tier of a run (tier NULL = excluded as inactive). */
export function tierShareSql(d: Dialect, runId: string): SqlQuery {
  return sql(
    `SELECT tier, count(*) AS customers, ${moneySum('monetary')} AS revenue, ${moneySum('margin')} AS margin
     FROM tier_snapshots WHERE run_id = ${d.param(1)} GROUP BY tier`,
    [runId],
  );
}

/** Tier movements between two runs; 'new' and 'gone' for customers in only one of them. */
export function migrationSql(d: Dialect, fromRunId: string, toRunId: string): SqlQuery {
  return sql(
    `SELECT coalesce(a.tier, CASE WHEN a.customer_id IS NULL THEN 'new' ELSE 'excluded' END) AS from_tier,
            coalesce(b.tier, CASE WHEN b.customer_id IS NULL THEN 'gone' ELSE 'excluded' END) AS to_tier,
            count(*) AS customers
     FROM (SELECT customer_id, tier FROM tier_snapshots WHERE run_id = ${d.param(1)}) a
     FULL OUTER JOIN (SELECT customer_id, tier FROM tier_snapshots WHERE run_id = ${d.param(2)}) b
       ON a.customer_id = b.customer_id
     GROUP BY 1, 2`,
    [fromRunId, toRunId],
  );
}

export type DistributionAttribute = 'city' | 'district' | 'customer_type' | 'cuisine' | 'pilot';

/** Customers per attribute value and tier (pilot: the pilot's name, `national` for the others). */
export function distributionSql(d: Dialect, runId: string, attribute: DistributionAttribute): SqlQuery {
  const a = d.quoteIdent(attribute);
  const missing = attribute === 'pilot' ? 'national' : '(unknown)';
  return sql(
    `SELECT coalesce(${a}, '${missing}') AS value, tier, count(*) AS customers
     FROM tier_snapshots WHERE run_id = ${d.param(1)} GROUP BY 1, 2`,
    [runId],
  );
}

export function runInfoSql(d: Dialect, runId: string): SqlQuery {
  return sql(
    `SELECT run_id, as_of, config, config_hash, primary_model, customers, finished_at FROM tiering_runs WHERE run_id = ${d.param(1)}`,
    [runId],
  );
}
