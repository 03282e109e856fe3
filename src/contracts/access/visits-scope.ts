import { allows, type CustomerScope, type Principal } from './principal.js';

/**
 * Whose visit plans a caller may read, as a CustomerScope over reps: every rep's (admin), their team's reps'
 * (manager, by `principal.team`), their own (rep, by `principal.repId`), or none.
 */
export function visitsScope(p: Principal): CustomerScope {
  if (!allows(p, 'visits.read')) return { kind: 'none' };
  switch (p.role) {
    case 'manager':
      return p.team ? { kind: 'team', team: p.team } : { kind: 'none' };
    case 'rep':
      return p.repId ? { kind: 'rep', repId: p.repId } : { kind: 'none' };
    default:
      return { kind: 'all' };
  }
}

/** A rep as the scope sees them. */
export interface ScopedRep {
  readonly id: string;
  readonly team: string;
}

/** Whether `rep` is in `scope`: every rep, the same team, the same rep. */
export function repInScope(scope: CustomerScope, rep: ScopedRep): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'team':
      return rep.team === scope.team;
    case 'rep':
      return rep.id === scope.repId;
    case 'none':
      return false;
  }
}

/** Whether the caller may read this rep's visit plan (the API's check and the dashboard's rep picker). */
export const mayReadVisits = (p: Principal, rep: ScopedRep): boolean => repInScope(visitsScope(p), rep);
