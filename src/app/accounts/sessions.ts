import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from '../../contracts/access/principal.js';
import { RoleSchema } from '../../contracts/access/roles.js';
import type { SqlReader, SqlSession } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { deleteSessionSql, insertSessionSql, sessionUserSql } from '../../sql/accounts/sessions-sql.js';
import { userPrincipal, type UserInfo } from './users.js';

export const SESSION_HOURS = 12;

/** Only the SHA-256 of a token is stored: a copy of the database does not hold usable sessions. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function openSession(
  session: SqlSession,
  d: Dialect,
  user: UserInfo,
  now: Date,
  ip: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await session.run(
    insertSessionSql(d, {
      sessionId: tokenHash(token),
      userId: user.userId,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      ip,
    }),
  );
  return { token, expiresAt };
}

export async function resolveSession(
  session: SqlReader,
  d: Dialect,
  token: string,
  now: Date,
): Promise<Principal | null> {
  const [row] = await session.all(sessionUserSql(d, tokenHash(token), now.toISOString()));
  if (!row) return null;
  return userPrincipal({
    userId: String(row.user_id),
    username: String(row.username),
    role: RoleSchema.parse(row.role),
    team: row.team === null ? null : String(row.team),
    repId: row.rep_id === null ? null : String(row.rep_id),
  });
}

export async function closeSession(session: SqlSession, d: Dialect, token: string): Promise<void> {
  await session.run(deleteSessionSql(d, tokenHash(token)));
}
