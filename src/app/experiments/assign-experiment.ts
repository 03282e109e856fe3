import { stratumError } from '../../contracts/errors.js';
import type { ExperimentSpec } from '../../contracts/experiments/experiment-spec.js';
import type { AssignmentSummary } from '../../contracts/experiments/experiment-view.js';
import { addDays } from '../../contracts/time/iso-date.js';
import { assignUnits, type UnitToAssign } from '../../domain/experiments/assign-units.js';
import type { Engine, Row } from '../../engines/engine.js';
import { distinctStrataSql, markAssignedSql } from '../../sql/experiments/experiments-sql.js';
import { populationSql } from '../../sql/experiments/population-sql.js';
import { latestRun, runOf } from '../customers/run-of.js';
import { unitHash } from './unit-hash.js';
import { getExperiment, variantCounts } from './experiments.js';

interface Member {
  readonly customerId: string;
  readonly unitId: string;
  readonly tier: string;
  readonly city: string;
}

function unitOf(spec: ExperimentSpec, r: Row): string | null {
  switch (spec.unit) {
    case 'customer':
      return String(r.customer_id);
    case 'rep':
      return r.rep_id === null || r.rep_id === undefined ? null : String(r.rep_id);
    case 'district':
      return `${String(r.city)}/${String(r.district ?? '')}`;
  }
}

/**
 * The stratum of each unit: tier and city for customers; for a cluster (a rep's or a district's customers, whose
 * tiers differ) only the city, the one most of its customers are in.
 */
function unitsToAssign(spec: ExperimentSpec, members: readonly Member[]): UnitToAssign[] {
  const salt = spec.salt ?? spec.name;
  if (spec.unit === 'customer')
    return members.map((m) => ({
      unitId: m.unitId,
      stratum: spec.strata.map((s) => (s === 'tier' ? m.tier : m.city)).join('|'),
      draw: unitHash(salt, m.unitId),
    }));
  const cities = new Map<string, Map<string, number>>();
  for (const m of members) {
    const counts = cities.get(m.unitId) ?? new Map<string, number>();
    counts.set(m.city, (counts.get(m.city) ?? 0) + 1);
    cities.set(m.unitId, counts);
  }
  return [...cities].map(([unitId, counts]) => {
    const [city] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    return { unitId, stratum: spec.strata.includes('city') ? city : '', draw: unitHash(salt, unitId) };
  });
}

/**
 * Randomises the experiment's population once and freezes it: the population is read from the last tiering run
 * before the start, units are assigned by stratified hashing (domain/experiments/assign-units), and every customer
 * is recorded with its unit, stratum and variant. Assigning again returns the recorded assignment.
 */
export async function assignExperiment(
  engine: Engine,
  idOrName: string,
  now: Date,
): Promise<AssignmentSummary> {
  const d = engine.dialect;
  const experiment = await getExperiment(engine, idOrName);
  const { spec } = experiment;
  if (experiment.assignedAt !== null) {
    const run = await runOf(engine, experiment.assignmentRunId ?? undefined);
    return {
      experimentId: experiment.experimentId,
      runId: run.runId,
      asOf: run.asOf,
      strata: new Set(
        (await engine.read(distinctStrataSql(d, experiment.experimentId))).map((r) => String(r.stratum)),
      ).size,
      variants: await variantCounts(engine, experiment),
      withoutOwner: 0,
      alreadyAssigned: true,
    };
  }
  const run = await latestRun(engine, addDays(spec.start, -1));
  if (!run)
    throw stratumError(
      'INVALID_ARGUMENT',
      `no tiering run before the start ${spec.start} to draw the population from`,
      {
        field: 'start',
      },
    );
  const { runId } = run;
  const rows = await engine.read(populationSql(d, runId, spec.population));
  const members: Member[] = [];
  let withoutOwner = 0;
  for (const r of rows) {
    const unitId = unitOf(spec, r);
    if (unitId === null) withoutOwner++;
    else
      members.push({ customerId: String(r.customer_id), unitId, tier: String(r.tier), city: String(r.city) });
  }
  const units = unitsToAssign(spec, members);
  if (units.length < spec.variants.length)
    throw stratumError(
      'INVALID_ARGUMENT',
      `the population has ${units.length} ${spec.unit} units in run ${runId}: too few for ${spec.variants.length} variants`,
      { field: 'population' },
    );
  const assigned = assignUnits(
    units,
    spec.variants.map((v) => v.weight),
  );
  const stratumOf = new Map(units.map((u) => [u.unitId, u.stratum]));
  await engine.transaction(async (tx) => {
    await tx.bulkLoad(
      'experiment_assignments',
      ['experiment_id', 'customer_id', 'unit_id', 'stratum', 'variant'],
      members.map((m) => [
        experiment.experimentId,
        m.customerId,
        m.unitId,
        stratumOf.get(m.unitId) ?? '',
        spec.variants[assigned.get(m.unitId)!]!.name,
      ]),
    );
    await tx.run(markAssignedSql(d, experiment.experimentId, now.toISOString(), runId));
  });
  return {
    experimentId: experiment.experimentId,
    runId,
    asOf: run.asOf,
    strata: new Set(units.map((u) => u.stratum)).size,
    variants: await variantCounts(engine, experiment),
    withoutOwner,
    alreadyAssigned: false,
  };
}
