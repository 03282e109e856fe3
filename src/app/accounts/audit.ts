import { randomUUID } from 'node:crypto';
import type { SqlSession } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { insertAuditSql, listAuditSql, type AuditFilter } from '../../sql/accounts/audit-sql.js';

/** One audited event: who (user name or key id), what, to what, from where, with particulars. */
export interface AuditEntry {
  readonly actor: string | null;
  readonly actorKind: 'user' | 'key' | 'system' | null;
  readonly action: string;
  readonly target?: string | null;
  readonly ip?: string | null;
  readonly details?: Record<string, unknown>;
}

export async function recordAudit(
  session: SqlSession,
  d: Dialect,
  entry: AuditEntry,
  at: Date,
): Promise<void> {
  await session.run(
    insertAuditSql(d, {
      auditId: randomUUID(),
      at: at.toISOString(),
      actor: entry.actor,
      actorKind: entry.actorKind,
      action: entry.action,
      target: entry.target ?? null,
      ip: entry.ip ?? null,
      details: entry.details === undefined ? null : JSON.stringify(entry.details),
    }),
  );
}

export interface AuditRecord {
  readonly auditId: string;
  readonly at: string;
  readonly actor: string | null;
  readonly actorKind: string | null;
  readonly action: string;
  readonly target: string | null;
  readonly ip: string | null;
  readonly details: unknown;
}

export async function listAudit(
  session: SqlSession,
  d: Dialect,
  filter: AuditFilter,
): Promise<AuditRecord[]> {
  const rows = await session.all(listAuditSql(d, filter));
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return rows.map((r) => ({
    auditId: String(r.audit_id),
    at: String(r.occurred_at),
    actor: str(r.actor),
    actorKind: str(r.actor_kind),
    action: String(r.action),
    target: str(r.target),
    ip: str(r.ip),
    details: r.details === null ? null : (JSON.parse(String(r.details)) as unknown),
  }));
}
