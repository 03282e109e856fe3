import type { CustomerScope } from '../../../contracts/access/principal.js';
import { assertUnreachable } from '../../../contracts/assert-unreachable.js';
import type { SqlParams } from './sql-params.js';

/** The condition limiting rows to the caller's customers, on the owner alias `o` (customer_owners_clean). */
export function scopeConditionSql(scope: CustomerScope, p: SqlParams): string {
  switch (scope.kind) {
    case 'all':
      return 'TRUE';
    case 'team':
      return `o.team = ${p.add(scope.team)}`;
    case 'rep':
      return `o.rep_id = ${p.add(scope.repId)}`;
    case 'none':
      return 'FALSE';
    default:
      return assertUnreachable(scope, 'customer scope');
  }
}
