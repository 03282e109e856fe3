import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

export interface AuditRow {
  readonly auditId: string;
  readonly at: string;
  readonly actor: string | null;
  readonly actorKind: string | null;
  readonly action: string;
  readonly target: string | null;
  readonly ip: string | null;
  readonly details: string | null;
}

export function insertAuditSql(d: Dialect, row: AuditRow): SqlQuery {
  const p = (i: number) => d.param(i);
  return sql(
    `INSERT INTO audit_log (audit_id, occurred_at, actor, actor_kind, action, target, ip, details)
     VALUES (${p(1)}, CAST(${p(2)} AS TIMESTAMPTZ), ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)})`,
    [row.auditId, row.at, row.actor, row.actorKind, row.action, row.target, row.ip, row.details],
  );
}

export interface AuditFilter {
  readonly action?: string | undefined;
  readonly actor?: string | undefined;
  readonly since?: string | undefined;
  readonly limit: number;
}

/** Newest first. */
export function listAuditSql(d: Dialect, f: AuditFilter): SqlQuery {
  const params: (string | number)[] = [];
  const where: string[] = [];
  const add = (value: string | number) => {
    params.push(value);
    return d.param(params.length);
  };
  if (f.action !== undefined) where.push(`action = ${add(f.action)}`);
  if (f.actor !== undefined) where.push(`actor = ${add(f.actor)}`);
  if (f.since !== undefined) where.push(`occurred_at >= CAST(${add(f.since)} AS TIMESTAMPTZ)`);
  return sql(
    `SELECT audit_id, occurred_at, actor, actor_kind, action, target, ip, details FROM audit_log
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY occurred_at DESC, audit_id DESC LIMIT ${add(f.limit)}`,
    params,
  );
}
