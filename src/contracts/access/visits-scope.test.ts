import { describe, expect, it } from 'vitest';
import type { Principal } from './principal.js';
import type { Role } from './roles.js';
import { mayReadVisits, visitsScope } from './visits-scope.js';

const principal = (role: Role, extra: Partial<Principal> = {}): Principal => ({
  kind: role === 'integration' ? 'key' : 'user',
  id: 'x',
  name: 'x',
  role,
  team: role === 'manager' ? '北京一组' : null,
  repId: role === 'rep' ? 'R0001' : null,
  scopes: null,
  ...extra,
});

const own = { id: 'R0001', team: '北京一组' };
const teammate = { id: 'R0002', team: '北京一组' };
const other = { id: 'R0009', team: '上海一组' };

describe('visitsScope', () => {
  it('gives admins every rep, managers their team, reps themselves, the others nothing', () => {
    expect(visitsScope(principal('admin'))).toEqual({ kind: 'all' });
    expect(visitsScope(principal('manager'))).toEqual({ kind: 'team', team: '北京一组' });
    expect(visitsScope(principal('rep'))).toEqual({ kind: 'rep', repId: 'R0001' });
    for (const role of ['analyst', 'viewer', 'integration'] as const)
      expect(visitsScope(principal(role))).toEqual({ kind: 'none' });
  });

  it('gives nothing to a manager without a team, a rep without a rep id or a key scoped without visits.read', () => {
    expect(visitsScope(principal('manager', { team: null }))).toEqual({ kind: 'none' });
    expect(visitsScope(principal('rep', { repId: null }))).toEqual({ kind: 'none' });
    expect(visitsScope(principal('admin', { kind: 'key', scopes: ['runs.read'] }))).toEqual({ kind: 'none' });
  });
});

describe('mayReadVisits', () => {
  it('matches the scope: all reps, the same team, the same rep', () => {
    const check = (role: Role) => [own, teammate, other].map((r) => mayReadVisits(principal(role), r));
    expect(check('admin')).toEqual([true, true, true]);
    expect(check('manager')).toEqual([true, true, false]);
    expect(check('rep')).toEqual([true, false, false]);
    expect(check('analyst')).toEqual([false, false, false]);
    expect(check('viewer')).toEqual([false, false, false]);
  });
});
