import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

export interface RoundRow {
  readonly roundId: string;
  readonly runId: string;
  readonly asOf: string;
  readonly appliedAt: string;
  readonly appliedBy: string | null;
  readonly settings: string;
  readonly plan: string;
}

export function insertRoundSql(d: Dialect, r: RoundRow): SqlQuery {
  const p = (n: number) => d.param(n);
  return sql(
    `INSERT INTO allocation_rounds (round_id, run_id, as_of, applied_at, applied_by, settings, plan)
VALUES (${p(1)}, ${p(2)}, CAST(${p(3)} AS DATE), CAST(${p(4)} AS TIMESTAMPTZ), ${p(5)}, ${p(6)}, ${p(7)})`,
    [r.roundId, r.runId, r.asOf, r.appliedAt, r.appliedBy, r.settings, r.plan],
  );
}

export const MOVE_COLUMNS = [
  'round_id',
  'customer_id',
  'from_rep_id',
  'to_rep_id',
  'to_rep_name',
  'to_team',
  'gain',
  'explanation',
] as const;

/**
 * The moved customers' ownership rows replaced by the round's: their own customer_owners row is the one
 * customer_owners_clean shows, so rows of duplicates merged into them stay as imported.
 */
export function replaceOwnersSql(d: Dialect, roundId: string, since: string): SqlQuery[] {
  const moved = `SELECT customer_id FROM allocation_moves WHERE round_id = ${d.param(1)}`;
  return [
    sql(`DELETE FROM customer_owners WHERE customer_id IN (${moved})`, [roundId]),
    sql(
      `INSERT INTO customer_owners (customer_id, rep_id, rep_name, team, since)
SELECT customer_id, to_rep_id, to_rep_name, to_team, CAST(${d.param(2)} AS DATE) FROM allocation_moves WHERE round_id = ${d.param(1)}`,
      [roundId, since],
    ),
  ];
}

export function listRoundsSql(d: Dialect, limit: number): SqlQuery {
  return sql(
    `SELECT round_id, run_id, as_of, applied_at, applied_by, plan FROM allocation_rounds ORDER BY applied_at DESC LIMIT ${d.param(1)}`,
    [limit],
  );
}

/** The ownership history of one customer: every applied move, newest first. */
export function customerMovesSql(d: Dialect, customerId: string): SqlQuery {
  return sql(
    `SELECT m.round_id, r.applied_at, m.from_rep_id, m.to_rep_id, m.to_rep_name, m.to_team, m.gain, m.explanation
FROM allocation_moves m JOIN allocation_rounds r ON r.round_id = m.round_id
WHERE m.customer_id = ${d.param(1)} ORDER BY r.applied_at DESC`,
    [customerId],
  );
}
