import { stratumError } from '../../contracts/errors.js';
import { TIERS, type Tier } from '../../contracts/tiering/tiers.js';
import { addDays, daysBetween } from '../../contracts/time/iso-date.js';
import { REP_ROLES, SENIORITIES } from '../../contracts/allocation/roles.js';
import type { AllocationCustomer, Rep } from '../../domain/allocation/model.js';
import { parseLeave } from '../../domain/allocation/parse-leave.js';
import type { Engine, Row } from '../../engines/engine.js';
import { allocationCustomersSql } from '../../sql/allocation/allocation-customers-sql.js';
import { repsSql } from '../../sql/allocation/reps-sql.js';
import { latestRunSql } from '../../sql/tiering/snapshot.js';
import { runInfoSql } from '../../sql/tiering/report.js';

/** Customers of a run with the names and addresses visit plans show. */
export interface LoadedCustomer extends AllocationCustomer {
  readonly name: string;
  readonly address: string | null;
}

export interface AllocationInput {
  readonly runId: string;
  readonly asOf: string;
  readonly customers: readonly LoadedCustomer[];
  readonly reps: readonly Rep[];
}

const texts = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const oneOf = <T extends string>(allowed: readonly T[], v: unknown, what: string): T => {
  if (allowed.includes(v as T)) return v as T;
  throw stratumError('INVALID_ARGUMENT', `${what} ${String(v)} is not one of ${allowed.join(', ')}`, {
    field: what,
  });
};

export function repOf(r: Row): Rep {
  const id = String(r.rep_id);
  const leave = parseLeave(texts(r.leave));
  if (!leave.ok)
    throw stratumError('INVALID_ARGUMENT', `rep ${id} leave: ${leave.reason}`, { field: 'reps.leave' });
  return {
    id,
    name: String(r.name),
    team: String(r.team),
    role: oneOf(REP_ROLES, r.role, `rep ${id} role`),
    seniority: oneOf(SENIORITIES, r.seniority, `rep ${id} seniority`),
    city: String(r.city),
    base: { lat: Number(r.home_lat), lon: Number(r.home_lon) },
    districts: texts(r.districts),
    capacity: Number(r.capacity_points),
    skills: texts(r.skills),
    leave: leave.value,
  };
}

function customerOf(r: Row, asOf: string): LoadedCustomer {
  const lat = num(r.lat);
  const lon = num(r.lon);
  const since = r.owned_since === null || r.owned_since === undefined ? null : String(r.owned_since);
  return {
    id: String(r.customer_id),
    name: String(r.name),
    address: r.address === null ? null : String(r.address),
    tier: TIERS.includes(r.tier as Tier) ? (r.tier as Tier) : null,
    value: Math.max(0, Number(r.value ?? 0)),
    visitsPerMonth: Number(r.visits_per_month ?? 0),
    city: String(r.city),
    district: String(r.district ?? ''),
    location: lat === null || lon === null ? null : { lat, lon },
    chain: r.chain_id !== null && r.chain_id !== undefined && r.chain_id !== '',
    cuisine: r.cuisine === null || r.cuisine === undefined ? null : String(r.cuisine),
    ownerId: r.owner_id === null || r.owner_id === undefined ? null : String(r.owner_id),
    ownedDays: since === null ? 0 : Math.max(0, daysBetween(since.slice(0, 10), asOf)),
  };
}

/** The run to allocate on: the given one or the latest committed. */
export async function runOf(
  engine: Engine,
  runId: string | undefined,
): Promise<{ runId: string; asOf: string }> {
  const [row] = await engine.all(
    runId === undefined ? latestRunSql(engine.dialect, null) : runInfoSql(engine.dialect, runId),
  );
  if (!row)
    throw runId === undefined
      ? stratumError('NOT_FOUND', 'no tiering run yet: allocation needs tiers (run `stratum run` first)', {
          what: 'run',
          id: 'latest',
        })
      : stratumError('NOT_FOUND', `no run ${runId}`, { what: 'run', id: runId });
  return { runId: String(row.run_id), asOf: String(row.as_of).slice(0, 10) };
}

/** Reps, and the customers of a run with their tier, value (net sales of the twelve months to the as-of date) and owner. */
export async function loadAllocationInput(engine: Engine, runId?: string): Promise<AllocationInput> {
  const run = await runOf(engine, runId);
  const window = { yearStart: addDays(run.asOf, -364), cutoff: addDays(run.asOf, 1) };
  const [customerRows, repRows] = await Promise.all([
    engine.all(allocationCustomersSql(engine.dialect, run.runId, window)),
    engine.all(repsSql(engine.dialect)),
  ]);
  if (repRows.length === 0)
    throw stratumError(
      'NOT_FOUND',
      'no account managers: import them with `stratum import --source reps FILE`',
      {
        what: 'reps',
        id: 'any',
      },
    );
  return { ...run, customers: customerRows.map((r) => customerOf(r, run.asOf)), reps: repRows.map(repOf) };
}
