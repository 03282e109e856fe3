import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

export function insertSessionSql(
  d: Dialect,
  s: { sessionId: string; userId: string; createdAt: string; expiresAt: string; ip: string | null },
): SqlQuery {
  const p = (i: number) => d.param(i);
  return sql(
    `INSERT INTO sessions (session_id, user_id, created_at, expires_at, ip)
     VALUES (${p(1)}, ${p(2)}, CAST(${p(3)} AS TIMESTAMPTZ), CAST(${p(4)} AS TIMESTAMPTZ), ${p(5)})`,
    [s.sessionId, s.userId, s.createdAt, s.expiresAt, s.ip],
  );
}

/** The enabled user of a session in force at `now`. */
export const sessionUserSql = (d: Dialect, sessionId: string, now: string): SqlQuery =>
  sql(
    `SELECT u.user_id, u.username, u.role, u.team, u.rep_id FROM sessions s JOIN users u ON u.user_id = s.user_id
     WHERE s.session_id = ${d.param(1)} AND s.expires_at > CAST(${d.param(2)} AS TIMESTAMPTZ) AND NOT u.disabled`,
    [sessionId, now],
  );

export const deleteSessionSql = (d: Dialect, sessionId: string): SqlQuery =>
  sql(`DELETE FROM sessions WHERE session_id = ${d.param(1)}`, [sessionId]);

export const deleteUserSessionsSql = (d: Dialect, userId: string): SqlQuery =>
  sql(`DELETE FROM sessions WHERE user_id = ${d.param(1)}`, [userId]);
