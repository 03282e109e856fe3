import { z } from 'zod';

/**
 * Who can do what (STYLE.md habit 9: roles are pure shared code, used by the API and the dashboard alike).
 * admin: everything. analyst: all customers, configs, runs, what-if; no user management. manager: the
 * customers of their team. rep: only their own customers. viewer: aggregates only. integration (API keys):
 * tier lookups, export, webhooks. Allocation plans are read by admin, analyst and manager and applied by admin
 * only; visit plans are read by admin, managers (their team's reps) and reps (their own). Experiments are run by
 * admin and analysts and read by managers too.
 */
export const ROLES = ['admin', 'analyst', 'manager', 'rep', 'viewer', 'integration'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const PERMISSIONS = [
  'aggregates.read',
  'customers.read',
  'personal.read',
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
  'webhooks.manage',
  'schedules.manage',
  'users.manage',
  'keys.manage',
  'audit.read',
  'allocation.read',
  'allocation.apply',
  'visits.read',
  'experiments.read',
  'experiments.manage',
  'reports.delete',
] as const;
export const PermissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof PermissionSchema>;

/**
 * Everything but personal data, webhooks, administration, applying an allocation round (it changes who owns every
 * moved customer), visit plans (customer addresses) and deleting stored reports.
 */
const NOT_ANALYST: readonly Permission[] = [
  'personal.read',
  'webhooks.manage',
  'users.manage',
  'keys.manage',
  'audit.read',
  'allocation.apply',
  'visits.read',
  'reports.delete',
];
const ANALYST = PERMISSIONS.filter((p) => !NOT_ANALYST.includes(p));

/** The permissions of each role; a permission not listed is denied. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  analyst: ANALYST,
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

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
