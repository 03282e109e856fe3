import type { Role } from '../../contracts/access/roles.js';
import type { Engine } from '../../engines/engine.js';
import { demoOwnerSql } from '../../sql/demo/demo-owner-sql.js';
import { addUser, authenticateUser, listUsers, type UserInfo } from '../accounts/users.js';
import { recordAudit } from '../accounts/audit.js';

/** One demo user: who to sign in as to see the dashboard through a role. */
export interface DemoUser {
  readonly username: string;
  readonly role: Exclude<Role, 'integration'>;
  readonly team: string | null;
  readonly repId: string | null;
}

export interface DemoUsers {
  /** The demo users in the database (empty when it has users of its own). */
  readonly users: readonly DemoUser[];
  /** Whether this call created them. */
  readonly created: boolean;
  /** Whether `password` signs them in (false when they were created with another demo password). */
  readonly passwordWorks: boolean;
}

const DEMO_ROLES = ['admin', 'analyst', 'manager', 'rep', 'viewer'] as const;
export const demoUsername = (role: DemoUser['role']): string => `demo-${role}`;

/**
 * The demo's sign-ins, one per role, all with `password`: created on a database whose only user, if any, is the
 * first `admin`; a manager of the team owning the most customers and a rep of that team. A database with users of
 * its own gets none. Running it again changes nothing.
 */
export async function ensureDemoUsers(engine: Engine, password: string, now: Date): Promise<DemoUsers> {
  const existing = await listUsers(engine);
  const demo = existing.filter(
    (u): u is UserInfo & DemoUser => u.username.startsWith('demo-') && u.role !== 'integration',
  );
  const [probe] = demo;
  if (probe) {
    const works = (await authenticateUser(engine, engine.dialect, probe.username, password)) !== null;
    const users = demo.map(({ username, role, team, repId }) => ({ username, role, team, repId }));
    return { users, created: false, passwordWorks: works };
  }
  if (existing.some((u) => u.username !== 'admin'))
    return { users: [], created: false, passwordWorks: false };

  const [owner] = await engine.all(demoOwnerSql());
  const team = owner ? String(owner.team) : null;
  const repId = owner ? String(owner.rep_id) : null;
  const users: DemoUser[] = [];
  for (const role of DEMO_ROLES) {
    // Without customer owners (no data yet) there is no team or rep to be.
    if ((role === 'manager' && !team) || (role === 'rep' && !repId)) continue;
    const user: DemoUser = {
      username: demoUsername(role),
      role,
      team: role === 'manager' ? team : null,
      repId: role === 'rep' ? repId : null,
    };
    await addUser(engine, { ...user, password }, now);
    await recordAudit(
      engine,
      engine.dialect,
      {
        actor: 'demo',
        actorKind: 'system',
        action: 'user.created',
        target: user.username,
        details: { role },
      },
      now,
    );
    users.push(user);
  }
  return { users, created: true, passwordWorks: true };
}
