import type { CustomerScope } from '../../contracts/access/principal.js';
import { stratumError } from '../../contracts/errors.js';
import type { Engine } from '../../engines/engine.js';
import { customerMovesSql } from '../../sql/allocation/apply-round-sql.js';
import { customerRowSql } from '../../sql/api/customers/customer-detail-sql.js';
import { survivorOfSql } from '../../sql/tiering/explain.js';
import { runOf } from '../customers/run-of.js';

/** One change of owner an applied allocation round made. */
export interface OwnerChange {
  readonly roundId: string;
  readonly appliedAt: string;
  readonly from: string | null;
  readonly to: string;
  readonly toName: string;
  readonly toTeam: string;
  /** Objective gained by the move, yuan per year. */
  readonly gain: number;
  /** Why this owner (AssignmentExplanation as stored with the move). */
  readonly explanation: unknown;
}

export interface OwnerHistory {
  readonly customerId: string;
  /** The id asked for when cleaning merged it into `customerId`. */
  readonly mergedFrom: string | null;
  /** Newest first. */
  readonly changes: readonly OwnerChange[];
}

const str = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

/**
 * The ownership history of one customer: every change of owner applied allocation rounds made, newest first. A
 * customer outside the caller's scope (in the latest run) is NOT_FOUND, exactly like one that does not exist.
 */
export async function customerOwnerHistory(
  engine: Engine,
  r: { customerId: string; scope: CustomerScope },
): Promise<OwnerHistory> {
  const d = engine.dialect;
  const run = await runOf(engine);
  const [merge] = await engine.read(survivorOfSql(d, r.customerId));
  const customerId = merge ? String(merge.survivor_id) : r.customerId;
  const [visible] = await engine.read(
    customerRowSql(d, { runId: run.runId, customerId, scope: r.scope, personalVisible: false }),
  );
  if (!visible)
    throw stratumError('NOT_FOUND', `no customer ${r.customerId} in run ${run.runId}`, {
      what: 'customer',
      id: r.customerId,
    });
  const rows = await engine.read(customerMovesSql(d, customerId));
  return {
    customerId,
    mergedFrom: merge ? r.customerId : null,
    changes: rows.map((m) => ({
      roundId: String(m.round_id),
      appliedAt: String(m.applied_at),
      from: str(m.from_rep_id),
      to: String(m.to_rep_id),
      toName: String(m.to_rep_name),
      toTeam: String(m.to_team),
      gain: Number(m.gain),
      explanation: JSON.parse(String(m.explanation)) as unknown,
    })),
  };
}
