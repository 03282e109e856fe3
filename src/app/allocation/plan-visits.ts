import { stratumError } from '../../contracts/errors.js';
import { TIERS, type Tier } from '../../contracts/tiering/tiers.js';
import { planWeek } from '../../domain/allocation/visits/plan-week.js';
import type { VisitCustomer, WeekPlan } from '../../contracts/allocation/week-plan.js';
import type { Engine } from '../../engines/engine.js';
import { repCustomersSql } from '../../sql/allocation/rep-customers-sql.js';
import { repsSql } from '../../sql/allocation/reps-sql.js';
import { repOf, runOf } from './load-allocation-input.js';

export interface VisitPlanRequest {
  readonly repId: string;
  /** ISO week, YYYY-Www. */
  readonly week: string;
  /** Run whose tiers set the visit cadence (default: the latest). */
  readonly runId?: string;
}

/** One rep's week: their customers' visits by the tier policy's cadence, grouped by district, around their leave. */
export async function planVisits(engine: Engine, request: VisitPlanRequest): Promise<WeekPlan> {
  const [repRow] = await engine.all(repsSql(engine.dialect, request.repId));
  if (!repRow) throw stratumError('NOT_FOUND', `no rep ${request.repId}`, { what: 'rep', id: request.repId });
  const run = await runOf(engine, request.runId);
  const rows = await engine.all(repCustomersSql(engine.dialect, run.runId, request.repId));
  const customers: VisitCustomer[] = rows.map((r) => ({
    id: String(r.customer_id),
    name: String(r.name),
    tier: TIERS.includes(r.tier as Tier) ? (r.tier as Tier) : null,
    visitsPerMonth: Number(r.visits_per_month ?? 0),
    district: String(r.district ?? ''),
    address: r.address === null || r.address === undefined ? '' : String(r.address),
    location: r.lat === null || r.lon === null ? null : { lat: Number(r.lat), lon: Number(r.lon) },
  }));
  return planWeek({ week: request.week, rep: repOf(repRow), customers });
}
