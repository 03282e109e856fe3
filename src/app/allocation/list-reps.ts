import type { CustomerScope } from '../../contracts/access/principal.js';
import { repInScope } from '../../contracts/access/visits-scope.js';
import type { Rep } from '../../domain/allocation/model.js';
import type { Engine } from '../../engines/engine.js';
import { repsSql } from '../../sql/allocation/reps-sql.js';
import { repOf } from './load-allocation-input.js';

/** An account manager as the API lists them: the reps row without the home base's coordinates. */
export type RepInfo = Omit<Rep, 'base'>;

const withoutBase = (rep: Rep): RepInfo => ({
  id: rep.id,
  name: rep.name,
  team: rep.team,
  role: rep.role,
  seniority: rep.seniority,
  city: rep.city,
  districts: rep.districts,
  capacity: rep.capacity,
  skills: rep.skills,
  leave: rep.leave,
});

/** Account managers by id, those in `scope` only (all of them, a team's, one). */
export async function listReps(engine: Engine, scope: CustomerScope): Promise<RepInfo[]> {
  const rows = await engine.read(repsSql(engine.dialect));
  return rows
    .map(repOf)
    .filter((rep) => repInScope(scope, rep))
    .map(withoutBase);
}
