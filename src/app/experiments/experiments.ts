import { randomUUID } from 'node:crypto';
import { parseArgument, stratumError } from '../../contracts/errors.js';
import {
  ExperimentSpecSchema,
  type ExperimentSpec,
  type RandomisationUnit,
} from '../../contracts/experiments/experiment-spec.js';
import type { VariantCount } from '../../contracts/experiments/experiment-view.js';
import type { Engine, Row } from '../../engines/engine.js';
import {
  assignmentCountsSql,
  getExperimentSql,
  insertExperimentSql,
  listExperimentsSql,
} from '../../sql/experiments/experiments-sql.js';

export interface Experiment {
  readonly experimentId: string;
  readonly name: string;
  readonly spec: ExperimentSpec;
  readonly unit: RandomisationUnit;
  readonly start: string;
  readonly createdBy: string;
  readonly createdAt: string;
  /** When the assignment was frozen; null until `assign`. */
  readonly assignedAt: string | null;
  readonly assignmentRunId: string | null;
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

const toExperiment = (r: Row): Experiment => ({
  experimentId: String(r.experiment_id),
  name: String(r.name),
  spec: ExperimentSpecSchema.parse(JSON.parse(String(r.spec))),
  unit: String(r.unit) as RandomisationUnit,
  start: String(r.start_date),
  createdBy: String(r.created_by),
  createdAt: String(r.created_at),
  assignedAt: str(r.assigned_at),
  assignmentRunId: str(r.assignment_run_id),
});

/** Saves a validated experiment, not yet assigned; names are unique. */
export async function createExperiment(
  engine: Engine,
  input: unknown,
  createdBy: string,
  now: Date,
): Promise<Experiment> {
  const spec = parseArgument(ExperimentSpecSchema, input, 'experiment');
  return engine.transaction(async (tx) => {
    if ((await tx.all(getExperimentSql(engine.dialect, spec.name))).length > 0)
      throw stratumError('CONFLICT', `an experiment named ${spec.name} exists`, { what: 'experiment' });
    const experimentId = `EXP-${randomUUID().slice(0, 8)}`;
    await tx.run(
      insertExperimentSql(engine.dialect, {
        experimentId,
        name: spec.name,
        spec: JSON.stringify(spec),
        unit: spec.unit,
        start: spec.start,
        createdBy,
        createdAt: now.toISOString(),
      }),
    );
    const [row] = await tx.all(getExperimentSql(engine.dialect, experimentId));
    return toExperiment(row!);
  });
}

export async function listExperiments(engine: Engine): Promise<Experiment[]> {
  return (await engine.read(listExperimentsSql())).map(toExperiment);
}

/** By id or name; NOT_FOUND otherwise. */
export async function getExperiment(engine: Engine, idOrName: string): Promise<Experiment> {
  const [row] = await engine.read(getExperimentSql(engine.dialect, idOrName));
  if (!row)
    throw stratumError('NOT_FOUND', `no experiment ${idOrName}`, { what: 'experiment', id: idOrName });
  return toExperiment(row);
}

/** Units and customers per variant, in the spec's variant order (empty before the assignment). */
export async function variantCounts(engine: Engine, experiment: Experiment): Promise<VariantCount[]> {
  const rows = await engine.read(assignmentCountsSql(engine.dialect, experiment.experimentId));
  if (rows.length === 0) return [];
  return experiment.spec.variants.map((v) => {
    const row = rows.find((r) => String(r.variant) === v.name);
    return { variant: v.name, units: Number(row?.units ?? 0), customers: Number(row?.customers ?? 0) };
  });
}
