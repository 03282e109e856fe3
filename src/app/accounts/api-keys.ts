import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Principal } from '../../contracts/access/principal.js';
import { PermissionSchema, RoleSchema, type Permission, type Role } from '../../contracts/access/roles.js';
import { stratumError } from '../../contracts/errors.js';
import type { SqlReader, SqlSession } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import {
  apiKeyByIdSql,
  insertApiKeySql,
  listApiKeysSql,
  revokeApiKeySql,
} from '../../sql/accounts/api-keys-sql.js';
import { tokenHash } from './sessions.js';

/** A key reads `stk_<id>_<secret>`: the id finds the row, the secret's SHA-256 must match the stored one. */
const KEY_PATTERN = /^stk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  readonly name: string;
  readonly role: Role;
  readonly scopes?: readonly Permission[] | null;
  readonly createdBy: string;
}

/** Creates a key; the returned `key` is the only time the secret exists outside the caller's hands. */
export async function createApiKey(
  session: SqlSession,
  d: Dialect,
  spec: NewApiKey,
  now: Date,
): Promise<{ id: string; key: string }> {
  if (spec.name.trim() === '') throw stratumError('INVALID_ARGUMENT', 'name: required', { field: 'name' });
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  await session.run(
    insertApiKeySql(d, {
      keyId: id,
      name: spec.name,
      keyHash: tokenHash(secret),
      role: spec.role,
      scopes: spec.scopes ?? null,
      createdBy: spec.createdBy,
      createdAt: now.toISOString(),
    }),
  );
  return { id, key: `stk_${id}_${secret}` };
}

export async function revokeApiKey(session: SqlSession, d: Dialect, id: string, now: Date): Promise<void> {
  const [row] = await session.all(apiKeyByIdSql(d, id));
  if (!row) throw stratumError('NOT_FOUND', `no API key "${id}"`, { what: 'api key', id });
  await session.run(revokeApiKeySql(d, id, now.toISOString()));
}

export interface ApiKeyInfo {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly scopes: Permission[] | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export async function listApiKeys(session: SqlSession): Promise<ApiKeyInfo[]> {
  const rows = await session.all(listApiKeysSql());
  return rows.map((r) => ({
    id: String(r.key_id),
    name: String(r.name),
    role: RoleSchema.parse(r.role),
    scopes: r.scopes === null ? null : (r.scopes as unknown[]).map((s) => PermissionSchema.parse(s)),
    createdBy: String(r.created_by),
    createdAt: String(r.created_at),
    revokedAt: r.revoked_at === null ? null : String(r.revoked_at),
  }));
}

/** The principal of a presented key, or null when it is malformed, unknown, revoked or wrong. */
export async function resolveApiKey(session: SqlReader, d: Dialect, key: string): Promise<Principal | null> {
  const m = KEY_PATTERN.exec(key);
  if (!m) return null;
  const [, id, secret] = m as unknown as [string, string, string];
  const [row] = await session.all(apiKeyByIdSql(d, id));
  if (!row || row.revoked_at !== null) return null;
  const expected = Buffer.from(String(row.key_hash), 'hex');
  const actual = Buffer.from(tokenHash(secret), 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return {
    kind: 'key',
    id,
    name: String(row.name),
    role: RoleSchema.parse(row.role),
    team: null,
    repId: null,
    scopes: row.scopes === null ? null : (row.scopes as unknown[]).map((s) => PermissionSchema.parse(s)),
  };
}
