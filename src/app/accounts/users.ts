import { randomUUID } from 'node:crypto';
import type { Principal } from '../../contracts/access/principal.js';
import { RoleSchema, type Role } from '../../contracts/access/roles.js';
import { stratumError } from '../../contracts/errors.js';
import type { Engine, Row, SqlSession } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import {
  countAdminsSql,
  insertUserSql,
  listUsersSql,
  setUserDisabledSql,
  userByNameSql,
} from '../../sql/accounts/users-sql.js';
import { deleteUserSessionsSql } from '../../sql/accounts/sessions-sql.js';
import { hashPassword, verifyPassword } from './passwords.js';

export interface NewUser {
  readonly username: string;
  readonly password: string;
  readonly role: Exclude<Role, 'integration'>;
  readonly team?: string | null;
  readonly repId?: string | null;
}

export interface UserInfo {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  readonly team: string | null;
  readonly repId: string | null;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export const MIN_PASSWORD_LENGTH = 10;

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function toUser(r: Row): UserInfo {
  return {
    userId: String(r.user_id),
    username: String(r.username),
    role: RoleSchema.parse(r.role),
    team: str(r.team),
    repId: str(r.rep_id),
    disabled: Boolean(r.disabled),
    createdAt: String(r.created_at),
  };
}

export function userPrincipal(
  u: Pick<UserInfo, 'userId' | 'username' | 'role' | 'team' | 'repId'>,
): Principal {
  return {
    kind: 'user',
    id: u.userId,
    name: u.username,
    role: u.role,
    team: u.team,
    repId: u.repId,
    scopes: null,
  };
}

/** Adds a user; a manager needs a team and a rep a rep id (else they would see nothing). */
export async function addUser(engine: Engine, user: NewUser, now: Date): Promise<UserInfo> {
  const d = engine.dialect;
  if (!/^[\p{L}\p{N}._@-]{2,64}$/u.test(user.username))
    throw stratumError('INVALID_ARGUMENT', 'username: 2–64 letters, digits or . _ @ -', {
      field: 'username',
    });
  if ([...user.password].length < MIN_PASSWORD_LENGTH)
    throw stratumError('INVALID_ARGUMENT', `password: at least ${MIN_PASSWORD_LENGTH} characters`, {
      field: 'password',
    });
  if (user.role === 'manager' && !user.team)
    throw stratumError('INVALID_ARGUMENT', 'team: a manager needs the team whose customers they see', {
      field: 'team',
    });
  if (user.role === 'rep' && !user.repId)
    throw stratumError('INVALID_ARGUMENT', 'repId: a rep needs the sales rep id of their customers', {
      field: 'repId',
    });
  const passwordHash = await hashPassword(user.password);
  return engine.transaction(async (tx) => {
    if ((await tx.all(userByNameSql(d, user.username))).length > 0)
      throw stratumError('CONFLICT', `user "${user.username}" already exists`, { what: 'username' });
    const row = {
      userId: randomUUID(),
      username: user.username,
      passwordHash,
      role: user.role,
      team: user.team ?? null,
      repId: user.repId ?? null,
      createdAt: now.toISOString(),
    };
    await tx.run(insertUserSql(d, row));
    return { ...row, disabled: false, createdAt: row.createdAt };
  });
}

export async function listUsers(session: SqlSession): Promise<UserInfo[]> {
  return (await session.all(listUsersSql())).map(toUser);
}

export async function hasAdmin(session: SqlSession): Promise<boolean> {
  const [row] = await session.all(countAdminsSql());
  return Number(row?.n ?? 0) > 0;
}

/** Disables a user and ends their sessions. */
export async function disableUser(engine: Engine, username: string): Promise<void> {
  const d = engine.dialect;
  await engine.transaction(async (tx) => {
    const [row] = await tx.all(userByNameSql(d, username));
    if (!row) throw stratumError('NOT_FOUND', `no user "${username}"`, { what: 'user', id: username });
    await tx.run(setUserDisabledSql(d, username, true));
    await tx.run(deleteUserSessionsSql(d, String(row.user_id)));
  });
}

/** The user if the password matches and the account is enabled, else null (the caller does not learn which). */
export async function authenticateUser(
  session: SqlSession,
  d: Dialect,
  username: string,
  password: string,
): Promise<UserInfo | null> {
  const [row] = await session.all(userByNameSql(d, username));
  if (!row) {
    // Same work as a real check, so that timing does not tell which usernames exist.
    await verifyPassword(password, DUMMY_HASH);
    return null;
  }
  const ok = await verifyPassword(password, String(row.password_hash));
  const user = toUser(row);
  return ok && !user.disabled ? user : null;
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
