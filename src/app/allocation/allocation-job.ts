import { ALLOCATION_STEPS } from '../../contracts/allocation/job-steps.js';
import type { AllocationPlan } from '../../contracts/allocation/plan.js';
import type { AllocationSettingsInput } from '../../contracts/allocation/settings.js';
import type { Engine } from '../../engines/engine.js';
import type { AuditEntry } from '../accounts/audit.js';
import { applyAllocation } from './apply-allocation.js';
import { loadAllocationSettings } from './load-settings.js';
import { planAllocationInWorker } from './plan-in-worker.js';

/** Settings a request may override (the rest are the defaults of AllocationSettingsSchema). */
export type AllocationOverrides = Pick<
  AllocationSettingsInput,
  'maxMoves' | 'maxMovesPct' | 'balance' | 'candidates' | 'timeLimitSeconds'
>;

/** An allocation job: compute a round on a run's tiers and, unless a dry run, apply it. */
export interface AllocationJobRequest extends AllocationOverrides {
  readonly kind: 'allocation';
  /** Tiering run whose tiers to use (default: the latest). */
  readonly runId?: string;
  readonly dryRun: boolean;
  /** Who asked, recorded as the round's applier and in the audit log. */
  readonly actor: { readonly name: string; readonly kind: NonNullable<AuditEntry['actorKind']> };
  /** Zone of the owners' `since` date. */
  readonly timeZone: string;
}

const LOADED = 0.05;
const SOLVED = 0.9;

/** Runs an allocation job: the plan (solved on a worker thread), applied when not a dry run. */
export async function runAllocationJob(
  engine: Engine,
  request: AllocationJobRequest,
  report: (progress: number, step: string) => void,
): Promise<AllocationPlan> {
  const { maxMoves, maxMovesPct, balance, candidates, timeLimitSeconds } = request;
  const settings = await loadAllocationSettings(undefined, {
    maxMoves,
    maxMovesPct,
    balance,
    candidates,
    timeLimitSeconds,
  });
  report(0, ALLOCATION_STEPS.load);
  const round = await planAllocationInWorker(engine, {
    runId: request.runId,
    settings,
    onProgress: (done, total) =>
      report(LOADED + ((SOLVED - LOADED) * done) / Math.max(total, 1), ALLOCATION_STEPS.solve(done, total)),
  });
  if (request.dryRun) return round.plan;
  report(SOLVED, ALLOCATION_STEPS.apply);
  await applyAllocation(engine, round, {
    settings,
    actor: { actor: request.actor.name, actorKind: request.actor.kind, ip: null },
    timeZone: request.timeZone,
  });
  return { ...round.plan, applied: true };
}
