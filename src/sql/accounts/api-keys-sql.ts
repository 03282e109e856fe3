import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

export function insertApiKeySql(
  d: Dialect,
  k: {
    keyId: string;
    name: string;
    keyHash: string;
    role: string;
    scopes: readonly string[] | null;
    createdBy: string;
    createdAt: string;
  },
): SqlQuery {
  const p = (i: number) => d.param(i);
  // Scopes travel as one '|'-joined parameter: permission names never contain '|'. It is cast, since
  // PostgreSQL cannot type a parameter from `IS NULL` alone.
  const scopes = `CAST(${p(5)} AS VARCHAR)`;
  return sql(
    `INSERT INTO api_keys (key_id, name, key_hash, role, scopes, created_by, created_at)
     VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, CASE WHEN ${scopes} IS NULL THEN NULL ELSE ${d.splitText(scopes, '|')} END, ${p(6)}, CAST(${p(7)} AS TIMESTAMPTZ))`,
    [
      k.keyId,
      k.name,
      k.keyHash,
      k.role,
      k.scopes === null ? null : k.scopes.join('|'),
      k.createdBy,
      k.createdAt,
    ],
  );
}

export const apiKeyByIdSql = (d: Dialect, keyId: string): SqlQuery =>
  sql(`SELECT key_id, name, key_hash, role, scopes, revoked_at FROM api_keys WHERE key_id = ${d.param(1)}`, [
    keyId,
  ]);

export const listApiKeysSql = (): SqlQuery =>
  sql(
    `SELECT key_id, name, role, scopes, created_by, created_at, revoked_at, last_used_at FROM api_keys ORDER BY created_at`,
  );

export const revokeApiKeySql = (d: Dialect, keyId: string, at: string): SqlQuery =>
  sql(
    `UPDATE api_keys SET revoked_at = CAST(${d.param(1)} AS TIMESTAMPTZ) WHERE key_id = ${d.param(2)} AND revoked_at IS NULL`,
    [at, keyId],
  );
