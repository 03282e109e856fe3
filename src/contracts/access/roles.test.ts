import { describe, expect, it } from 'vitest';
import { customerScope, allows, seesPersonalData, type Principal } from './principal.js';
import { PERMISSIONS, ROLES, can, type Permission, type Role } from './roles.js';

const principal = (role: Role, extra: Partial<Principal> = {}): Principal => ({
  kind: role === 'integration' ? 'key' : 'user',
  id: 'x',
  name: 'x',
  role,
  team: role === 'manager' ? 'T1' : null,
  repId: role === 'rep' ? 'R1' : null,
  scopes: null,
  ...extra,
});

// The whole matrix, written out: a change to a role's rights must change this table too.
const EXPECTED: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  analyst: [
    'aggregates.read',
    'customers.read',
    'runs.read',
    'runs.start',
    'configs.read',
    'configs.write',
    'configs.activate',
    'whatif.run',
    'overrides.write',
    'tiers.lookup',
    'export.read',
    'data.import',
    'data.read',
    'schedules.manage',
    'allocation.read',
    'experiments.read',
    'experiments.manage',
  ],
  manager: [
    'aggregates.read',
    'customers.read',
    'personal.read',
    'runs.read',
    'configs.read',
    'tiers.lookup',
    'export.read',
    'allocation.read',
    'visits.read',
    'experiments.read',
  ],
  rep: ['aggregates.read', 'customers.read', 'personal.read', 'runs.read', 'tiers.lookup', 'visits.read'],
  viewer: ['aggregates.read', 'runs.read'],
  integration: ['tiers.lookup', 'export.read', 'webhooks.manage', 'runs.read'],
};

describe('roles', () => {
  for (const role of ROLES)
    for (const permission of PERMISSIONS)
      it(`${role} ${EXPECTED[role].includes(permission) ? 'may' : 'may not'} ${permission}`, () => {
        expect(can(role, permission)).toBe(EXPECTED[role].includes(permission));
      });

  it('only admin manages users, keys and reads the audit log', () => {
    for (const role of ROLES)
      for (const p of ['users.manage', 'keys.manage', 'audit.read'] as const)
        expect(can(role, p)).toBe(role === 'admin');
  });

  it('lets admin, analyst and manager read allocation plans, only admin apply them', () => {
    expect(ROLES.filter((r) => can(r, 'allocation.read'))).toEqual(['admin', 'analyst', 'manager']);
    expect(ROLES.filter((r) => can(r, 'allocation.apply'))).toEqual(['admin']);
  });

  it('shows visit plans (customer addresses) only to roles that see personal data', () => {
    expect(ROLES.filter((r) => can(r, 'visits.read'))).toEqual(['admin', 'manager', 'rep']);
    for (const role of ROLES)
      if (can(role, 'visits.read')) expect(seesPersonalData(principal(role))).toBe(true);
  });

  it('scopes customers: all, team, rep or none', () => {
    expect(customerScope(principal('admin'))).toEqual({ kind: 'all' });
    expect(customerScope(principal('analyst'))).toEqual({ kind: 'all' });
    expect(customerScope(principal('integration'))).toEqual({ kind: 'all' });
    expect(customerScope(principal('manager'))).toEqual({ kind: 'team', team: 'T1' });
    expect(customerScope(principal('rep'))).toEqual({ kind: 'rep', repId: 'R1' });
    expect(customerScope(principal('viewer'))).toEqual({ kind: 'none' });
    expect(customerScope(principal('rep', { repId: null }))).toEqual({ kind: 'none' });
    expect(customerScope(principal('manager', { team: null }))).toEqual({ kind: 'none' });
  });

  it('shows personal data to admin, managers and reps only', () => {
    expect(ROLES.filter((r) => seesPersonalData(principal(r)))).toEqual(['admin', 'manager', 'rep']);
  });

  it('narrows a key to its scopes, never beyond its role', () => {
    const key = principal('integration', { scopes: ['tiers.lookup', 'users.manage'] });
    expect(allows(key, 'tiers.lookup')).toBe(true);
    expect(allows(key, 'export.read')).toBe(false);
    expect(allows(key, 'users.manage')).toBe(false);
  });
});
