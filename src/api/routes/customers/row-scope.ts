import type { FastifyRequest } from 'fastify';
import { customerScope, seesPersonalData, type CustomerScope } from '../../../contracts/access/principal.js';
import type { Permission } from '../../../contracts/access/roles.js';
import { stratumError } from '../../../contracts/errors.js';

/**
 * Which customer rows the caller may see and whether unmasked: after requirePermission, a caller whose scope is
 * none (viewer, a manager without a team, a rep without a rep id) is refused rows with 403.
 */
export function rowAccess(
  request: FastifyRequest,
  permission: Permission,
): { scope: CustomerScope; personalVisible: boolean } {
  const p = request.principal;
  if (!p) throw stratumError('UNAUTHENTICATED', 'sign in or send an API key (Authorization: Bearer KEY)', {});
  const scope = customerScope(p);
  if (scope.kind === 'none')
    throw stratumError('FORBIDDEN', `the ${p.role} role sees aggregates only, not customer rows`, {
      permission,
    });
  return { scope, personalVisible: seesPersonalData(p) };
}
