import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

export interface RunLogEntry {
  readonly runId: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly customers: number;
  readonly namesNormalised: number;
  readonly duplicatesMerged: number;
  readonly ordersFlagged: number;
  readonly refundsFlagged: number;
  /** The report as JSON. */
  readonly report: string;
}

export function insertRunLogSql(d: Dialect, e: RunLogEntry): SqlQuery {
  const p = (i: number) => d.param(i);
  return sql(
    `INSERT INTO ${d.quoteIdent('cleaning_runs')} (run_id, started_at, finished_at, customers, names_normalised, duplicates_merged, orders_flagged, refunds_flagged, report)
VALUES (${p(1)}, CAST(${p(2)} AS TIMESTAMPTZ), CAST(${p(3)} AS TIMESTAMPTZ), ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)})`,
    [
      e.runId,
      e.startedAt,
      e.finishedAt,
      e.customers,
      e.namesNormalised,
      e.duplicatesMerged,
      e.ordersFlagged,
      e.refundsFlagged,
      e.report,
    ],
  );
}
