import type { CustomerScope } from '../../contracts/access/principal.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { scopeConditionSql } from '../api/customers/scope-sql.js';
import { SqlParams } from '../api/customers/sql-params.js';

/** The actions a run triggered for one customer, if the customer is in the run and within the caller's scope. */
export function scopedActionsSql(
  d: Dialect,
  q: { runId: string; customerId: string; scope: CustomerScope },
): SqlQuery {
  const p = new SqlParams(d);
  return sql(
    `SELECT s.actions FROM tier_snapshots s
LEFT JOIN ${d.quoteIdent('customer_owners_clean')} o ON o.customer_id = s.customer_id
WHERE s.run_id = ${p.add(q.runId)} AND s.customer_id = ${p.add(q.customerId)} AND ${scopeConditionSql(q.scope, p)}`,
    p.values,
  );
}

export interface ActionTaskRow {
  readonly runId: string;
  readonly customerId: string;
  readonly action: string;
  readonly status: string;
  readonly updatedBy: string;
  /** ISO 8601 instant. */
  readonly updatedAt: string;
  readonly note: string | null;
}

const key = (d: Dialect) =>
  `run_id = ${d.param(1)} AND customer_id = ${d.param(2)} AND ${d.quoteIdent('action')} = ${d.param(3)}`;

/** Removes the task of one action (before writing its new status, in the same transaction). */
export function deleteActionTaskSql(d: Dialect, t: { runId: string; customerId: string; action: string }) {
  return sql(`DELETE FROM ${d.quoteIdent('action_tasks')} WHERE ${key(d)}`, [
    t.runId,
    t.customerId,
    t.action,
  ]);
}

export function insertActionTaskSql(d: Dialect, t: ActionTaskRow): SqlQuery {
  const p = (i: number) => d.param(i);
  return sql(
    `INSERT INTO ${d.quoteIdent('action_tasks')} (run_id, customer_id, ${d.quoteIdent('action')}, status, updated_by, updated_at, note)
VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, CAST(${p(6)} AS TIMESTAMPTZ), ${p(7)})`,
    [t.runId, t.customerId, t.action, t.status, t.updatedBy, t.updatedAt, t.note],
  );
}

/** One action's task. */
export function actionTaskSql(d: Dialect, t: { runId: string; customerId: string; action: string }) {
  return sql(
    `SELECT customer_id, ${d.quoteIdent('action')}, status, note, updated_by, updated_at FROM ${d.quoteIdent('action_tasks')} WHERE ${key(d)}`,
    [t.runId, t.customerId, t.action],
  );
}
