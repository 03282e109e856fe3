import { z } from 'zod';
import { parseArgument } from '../../contracts/errors.js';
import { PIPELINE_TABLES } from '../../contracts/tiering/pipeline-tables.js';
import { addDays, IsoDateSchema } from '../../contracts/time/iso-date.js';
import type { Dialect } from '../dialects/dialect.js';

/** The session temp table of the customers a churn model sees as of a date, with their outcome. */
export const CHURN_POPULATION_TABLE = 'churn_population';

/** IsoDateSchema throws on text Date.parse cannot read ("abc"): only what it can read reaches it. */
const AsOfSchema = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'expected YYYY-MM-DD')
  .pipe(IsoDateSchema);

const ParamsSchema = z.object({
  asOf: AsOfSchema,
  activeDays: z.number().int().min(1).max(36_500),
  /** Without it, the outcome is not looked at (scoring): `churned` is NULL. */
  windowDays: z.number().int().min(1).max(730).optional(),
});
export type ChurnPopulationParams = z.infer<typeof ParamsSchema>;

/**
 * `CREATE TEMP TABLE churn_population AS`: every surviving customer with a completed order (orders_clean) in the
 * activeDays days ending on asOf, and `churned` = 1 when they place no completed order in the windowDays days
 * after it, (asOf, asOf + windowDays], else 0. Days are whole days in the session time zone, as for features.
 */
export function churnPopulationSql(d: Dialect, params: ChurnPopulationParams): string {
  const { asOf, activeDays, windowDays } = parseArgument(ParamsSchema, params, 'churn parameter');
  const at = (iso: string) => d.startOfDay(`DATE '${iso}'`);
  const cutoff = at(addDays(asOf, 1));
  const end = windowDays === undefined ? cutoff : at(addDays(asOf, windowDays + 1));
  const churned =
    windowDays === undefined
      ? 'CAST(NULL AS INTEGER)'
      : `CASE WHEN count(*) FILTER (WHERE o.ordered_at >= ${cutoff}) > 0 THEN 0 ELSE 1 END`;
  return `${d.tempTable} ${d.quoteIdent(CHURN_POPULATION_TABLE)} AS
SELECT o.customer_id, ${churned} AS churned
FROM ${d.quoteIdent('orders_clean')} o
WHERE o.status = 'completed' AND o.ordered_at >= ${at(addDays(asOf, 1 - activeDays))} AND o.ordered_at < ${end}
GROUP BY o.customer_id
HAVING count(*) FILTER (WHERE o.ordered_at < ${cutoff}) > 0`;
}

/** The features (tiering_features) of the population's customers with their outcome, by customer id. */
export function churnRowsSql(d: Dialect): string {
  return `SELECT f.*, p.churned
FROM ${d.quoteIdent(PIPELINE_TABLES.features)} f
JOIN ${d.quoteIdent(CHURN_POPULATION_TABLE)} p ON p.customer_id = f.customer_id
ORDER BY f.customer_id`;
}

/** The last day (session time zone) with a completed order: `last_day`, NULL without orders. */
export function lastOrderDaySql(d: Dialect): string {
  return `SELECT ${d.dateOf('max(o.ordered_at)')} AS last_day
FROM ${d.quoteIdent('orders_clean')} o
WHERE o.status = 'completed'`;
}
