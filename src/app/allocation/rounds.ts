import type { AllocationPlan, RoundSummary } from '../../contracts/allocation/plan.js';

export type { RoundSummary };
import { stratumError } from '../../contracts/errors.js';
import type { Engine, Row } from '../../engines/engine.js';
import { listRoundsSql } from '../../sql/allocation/apply-round-sql.js';
import { roundMoveCountsSql, roundMovesSql, roundSql } from '../../sql/allocation/round-detail-sql.js';

/** A plan as stored with its round: everything but the moves (those are rows of allocation_moves). */
export type StoredPlan = Omit<AllocationPlan, 'moves'>;

export interface RoundMove {
  readonly customerId: string;
  readonly from: string | null;
  readonly to: string;
  readonly toName: string;
  readonly toTeam: string;
  readonly gain: number;
  /** Why this owner: the chosen pairing and the alternatives (AssignmentExplanation). */
  readonly explanation: unknown;
}

export interface RoundDetail {
  readonly round: Omit<
    RoundSummary,
    'assigned' | 'unassigned' | 'moves' | 'objective' | 'bound' | 'gap' | 'status' | 'workloadGini' | 'owners'
  > & {
    readonly settings: unknown;
  };
  readonly plan: StoredPlan;
  readonly moves: {
    readonly items: readonly RoundMove[];
    readonly total: number;
    readonly limit: number;
    readonly offset: number;
  };
}

const str = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
const storedPlan = (v: unknown) => JSON.parse(String(v)) as StoredPlan;

/** Applied rounds, newest first, with the plan's figures and the number of moves of each. */
export async function listRounds(engine: Engine, limit: number): Promise<RoundSummary[]> {
  const d = engine.dialect;
  const rows = await engine.read(listRoundsSql(d, limit));
  const counts = await engine.read(
    roundMoveCountsSql(
      d,
      rows.map((r) => String(r.round_id)),
    ),
  );
  const moves = new Map(counts.map((c) => [String(c.round_id), Number(c.moves)]));
  return rows.map((r) => {
    const plan = storedPlan(r.plan);
    return {
      roundId: String(r.round_id),
      runId: String(r.run_id),
      asOf: String(r.as_of).slice(0, 10),
      appliedAt: String(r.applied_at),
      appliedBy: str(r.applied_by),
      assigned: plan.assigned,
      unassigned: plan.unassigned.length,
      moves: moves.get(String(r.round_id)) ?? 0,
      objective: plan.objective,
      bound: plan.bound,
      gap: plan.gap,
      status: plan.status,
      workloadGini: plan.workloadGini,
      owners: plan.owners.length,
    };
  });
}

const moveOf = (r: Row): RoundMove => ({
  customerId: String(r.customer_id),
  from: str(r.from_rep_id),
  to: String(r.to_rep_id),
  toName: String(r.to_rep_name),
  toTeam: String(r.to_team),
  gain: Number(r.gain),
  explanation: JSON.parse(String(r.explanation)) as unknown,
});

/** One applied round: the stored plan and a page of its moves. NOT_FOUND when there is no such round. */
export async function roundDetail(
  engine: Engine,
  roundId: string,
  page: { limit: number; offset: number },
): Promise<RoundDetail> {
  const d = engine.dialect;
  const [row] = await engine.read(roundSql(d, roundId));
  if (!row) throw stratumError('NOT_FOUND', `no allocation round ${roundId}`, { what: 'round', id: roundId });
  const [moveRows, [count]] = await Promise.all([
    engine.read(roundMovesSql(d, roundId, page)),
    engine.read(roundMoveCountsSql(d, [roundId])),
  ]);
  return {
    round: {
      roundId: String(row.round_id),
      runId: String(row.run_id),
      asOf: String(row.as_of).slice(0, 10),
      appliedAt: String(row.applied_at),
      appliedBy: str(row.applied_by),
      settings: JSON.parse(String(row.settings)) as unknown,
    },
    plan: storedPlan(row.plan),
    moves: { items: moveRows.map(moveOf), total: Number(count?.moves ?? 0), ...page },
  };
}
