import { DEFAULT_ALLOCATION_SETTINGS, type AllocationSettings } from '../../contracts/allocation/settings.js';
import { StratumError } from '../../contracts/errors.js';
import { buildProblem } from '../../domain/allocation/build-problem.js';
import { evaluateAssignment } from '../../domain/allocation/evaluate-assignment.js';
import type { Engine } from '../../engines/engine.js';
import { loadAllocationInput, type AllocationInput } from '../allocation/load-allocation-input.js';
import type { WorkloadSummary } from './report-data.js';

const isMissingReps = (e: unknown) =>
  e instanceof StratumError && e.code === 'NOT_FOUND' && (e.details as { what?: string }).what === 'reps';

async function inputOrNull(engine: Engine, runId: string): Promise<AllocationInput | null> {
  try {
    return await loadAllocationInput(engine, runId);
  } catch (e) {
    if (isMissingReps(e)) return null;
    throw e;
  }
}

/**
 * The current owners' books (customer_owners_clean) with the run's tiers: each customer's weekly workload as
 * allocation counts it (the tier's visits and the drive from the owner's base), per rep against capacity. Null
 * when there are no account managers.
 */
export async function loadWorkload(
  engine: Engine,
  runId: string,
  settings: AllocationSettings = DEFAULT_ALLOCATION_SETTINGS,
): Promise<WorkloadSummary | null> {
  const input = await inputOrNull(engine, runId);
  if (!input) return null;
  const problem = buildProblem(input.customers, input.reps, settings);
  const current = Int32Array.from(problem.customers, (pc) => pc.currentCandidate);
  const metrics = evaluateAssignment(problem, current);
  const repIds = new Set(input.reps.map((r) => r.id));
  const owned = problem.customers.filter(
    (pc) => pc.customer.ownerId !== null && repIds.has(pc.customer.ownerId),
  );
  return {
    books: metrics.owners,
    ineligibleOwned: owned.filter((pc) => pc.currentCandidate < 0).length,
    unowned: problem.customers.length - owned.length,
    workloadGini: metrics.workloadGini,
  };
}
