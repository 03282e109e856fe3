import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/** One applied round: its run, who applied it when, its settings and the plan (JSON, without the moves). */
export function roundSql(d: Dialect, roundId: string): SqlQuery {
  return sql(
    `SELECT round_id, run_id, as_of, applied_at, applied_by, settings, plan FROM allocation_rounds WHERE round_id = ${d.param(1)}`,
    [roundId],
  );
}

/** A page of a round's moves, largest gain first (then by customer id, so that pages are stable). */
export function roundMovesSql(
  d: Dialect,
  roundId: string,
  page: { limit: number; offset: number },
): SqlQuery {
  return sql(
    `SELECT customer_id, from_rep_id, to_rep_id, to_rep_name, to_team, gain, explanation
FROM allocation_moves WHERE round_id = ${d.param(1)}
ORDER BY gain DESC, customer_id LIMIT ${d.param(2)} OFFSET ${d.param(3)}`,
    [roundId, page.limit, page.offset],
  );
}

/** Moves per round of `roundIds` (rounds without moves have no row). */
export function roundMoveCountsSql(d: Dialect, roundIds: readonly string[]): SqlQuery {
  if (roundIds.length === 0) return sql('SELECT round_id, 0 AS moves FROM allocation_moves WHERE 1 = 0');
  const list = roundIds.map((_, i) => d.param(i + 1)).join(', ');
  return sql(
    `SELECT round_id, count(*) AS moves FROM allocation_moves WHERE round_id IN (${list}) GROUP BY round_id`,
    roundIds,
  );
}
