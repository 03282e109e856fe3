import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

const COLUMNS =
  'experiment_id, name, spec, unit, start_date, created_by, created_at, assigned_at, assignment_run_id';

export interface ExperimentInsert {
  readonly experimentId: string;
  readonly name: string;
  readonly spec: string;
  readonly unit: string;
  readonly start: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export function insertExperimentSql(d: Dialect, e: ExperimentInsert): SqlQuery {
  const p = (i: number) => d.param(i);
  return sql(
    `INSERT INTO experiments (experiment_id, name, spec, unit, start_date, created_by, created_at)
     VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, CAST(${p(5)} AS DATE), ${p(6)}, CAST(${p(7)} AS TIMESTAMPTZ))`,
    [e.experimentId, e.name, e.spec, e.unit, e.start, e.createdBy, e.createdAt],
  );
}

/** Newest first. */
export const listExperimentsSql = (): SqlQuery =>
  sql(`SELECT ${COLUMNS} FROM experiments ORDER BY created_at DESC, experiment_id`);

/** By id or by name. */
export const getExperimentSql = (d: Dialect, idOrName: string): SqlQuery =>
  sql(`SELECT ${COLUMNS} FROM experiments WHERE experiment_id = ${d.param(1)} OR name = ${d.param(1)}`, [
    idOrName,
  ]);

export const markAssignedSql = (d: Dialect, experimentId: string, at: string, runId: string): SqlQuery =>
  sql(
    `UPDATE experiments SET assigned_at = CAST(${d.param(2)} AS TIMESTAMPTZ), assignment_run_id = ${d.param(3)}
     WHERE experiment_id = ${d.param(1)} AND assigned_at IS NULL`,
    [experimentId, at, runId],
  );

/** Units and customers per variant of an experiment's assignment. */
export const assignmentCountsSql = (d: Dialect, experimentId: string): SqlQuery =>
  sql(
    `SELECT variant, count(DISTINCT unit_id) AS units, count(*) AS customers
     FROM experiment_assignments WHERE experiment_id = ${d.param(1)} GROUP BY variant ORDER BY variant`,
    [experimentId],
  );

export const distinctStrataSql = (d: Dialect, experimentId: string): SqlQuery =>
  sql(`SELECT DISTINCT stratum FROM experiment_assignments WHERE experiment_id = ${d.param(1)}`, [
    experimentId,
  ]);

/** The frozen assignment, by variant then customer. */
export const assignmentRowsSql = (d: Dialect, experimentId: string): SqlQuery =>
  sql(
    `SELECT customer_id, unit_id, stratum, variant FROM experiment_assignments
     WHERE experiment_id = ${d.param(1)} ORDER BY variant, customer_id`,
    [experimentId],
  );
