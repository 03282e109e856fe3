import { allows } from '../../../src/contracts/access/principal';
import type { Permission } from '../../../src/contracts/access/roles';
import { useAuth } from '../auth/auth';

/** Whether the signed-in caller has a permission (the same rule the API applies). */
export function useCan(): (permission: Permission) => boolean {
  const { user } = useAuth();
  return (permission) => !!user && allows(user, permission);
}
