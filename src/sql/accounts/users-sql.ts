import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

const USER_COLUMNS = 'user_id, username, password_hash, role, team, rep_id, disabled, created_at';

export function insertUserSql(
  d: Dialect,
  u: {
    userId: string;
    username: string;
    passwordHash: string;
    role: string;
    team: string | null;
    repId: string | null;
    createdAt: string;
  },
): SqlQuery {
  const p = (i: number) => d.param(i);
  return sql(
    `INSERT INTO users (${USER_COLUMNS}) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, FALSE, CAST(${p(7)} AS TIMESTAMPTZ))`,
    [u.userId, u.username, u.passwordHash, u.role, u.team, u.repId, u.createdAt],
  );
}

export const userByNameSql = (d: Dialect, username: string): SqlQuery =>
  sql(`SELECT ${USER_COLUMNS} FROM users WHERE username = ${d.param(1)}`, [username]);

export const userByIdSql = (d: Dialect, userId: string): SqlQuery =>
  sql(`SELECT ${USER_COLUMNS} FROM users WHERE user_id = ${d.param(1)}`, [userId]);

export const listUsersSql = (): SqlQuery => sql(`SELECT ${USER_COLUMNS} FROM users ORDER BY username`);

export const countAdminsSql = (): SqlQuery =>
  sql(`SELECT count(*) AS n FROM users WHERE role = 'admin' AND NOT disabled`);

export const setUserDisabledSql = (d: Dialect, username: string, disabled: boolean): SqlQuery =>
  sql(`UPDATE users SET disabled = ${d.param(1)} WHERE username = ${d.param(2)}`, [disabled, username]);
