import { z } from 'zod';
import { PermissionSchema, RoleSchema, can, type Permission } from './roles.js';

/** The authenticated caller of a request: a user (session) or an API key. */
export const PrincipalSchema = z.object({
  kind: z.enum(['user', 'key']),
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  /** manager: the team whose customers they see. */
  team: z.string().nullable(),
  /** rep: the sales rep id whose customers they see. */
  repId: z.string().nullable(),
  /** API keys: the permissions the key was limited to (null = all of its role's). */
  scopes: z.array(PermissionSchema).nullable(),
});
export type Principal = z.infer<typeof PrincipalSchema>;

/** A role's permission, narrowed by the key's scopes when the caller is an API key. */
export function allows(p: Principal, permission: Permission): boolean {
  return can(p.role, permission) && (p.scopes === null || p.scopes.includes(permission));
}

/** Which customers a caller may see as rows: all, one team's, one rep's, or none (aggregates only). */
export type CustomerScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'team'; readonly team: string }
  | { readonly kind: 'rep'; readonly repId: string }
  | { readonly kind: 'none' };

export function customerScope(p: Principal): CustomerScope {
  if (!allows(p, 'customers.read') && !allows(p, 'tiers.lookup') && !allows(p, 'export.read'))
    return { kind: 'none' };
  switch (p.role) {
    case 'manager':
      return p.team ? { kind: 'team', team: p.team } : { kind: 'none' };
    case 'rep':
      return p.repId ? { kind: 'rep', repId: p.repId } : { kind: 'none' };
    case 'viewer':
      return { kind: 'none' };
    default:
      return { kind: 'all' };
  }
}

/** Whether personal data (phone, contact name, exact address) is shown unmasked to this caller. */
export const seesPersonalData = (p: Principal): boolean => allows(p, 'personal.read');
