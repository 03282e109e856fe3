import type { ExperimentSpec } from '../../contracts/experiments/experiment-spec.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlParam, type SqlQuery } from '../query.js';

/**
 * The customers of an experiment's population in a run's snapshot (their tier, city, district, type), with their
 * current owner for rep clusters. Customers the run excluded from tiering are not in any population.
 */
export function populationSql(d: Dialect, runId: string, population: ExperimentSpec['population']): SqlQuery {
  const params: SqlParam[] = [runId];
  const inList = (column: string, values: readonly string[] | undefined): string => {
    if (!values) return '';
    const marks = values.map((v) => {
      params.push(v);
      return d.param(params.length);
    });
    return ` AND ${column} IN (${marks.join(', ')})`;
  };
  const where =
    inList('s.tier', population.tiers) +
    inList('s.city', population.cities) +
    inList('s.customer_type', population.customerTypes);
  return sql(
    `SELECT s.customer_id, s.tier, s.city, s.district, o.rep_id
     FROM tier_snapshots s
     LEFT JOIN ${d.quoteIdent('customer_owners_clean')} o ON o.customer_id = s.customer_id
     WHERE s.run_id = ${d.param(1)} AND s.tier IS NOT NULL${where}
     ORDER BY s.customer_id`,
    params,
  );
}
