import type { z } from 'zod';
import type { CustomerFilter } from '../../../sql/api/customers/list-customers-sql.js';
import type { CustomerFilterQuery } from './schemas.js';

/** The filters of a parsed query string. */
export function filterOf(q: z.infer<typeof CustomerFilterQuery>): CustomerFilter {
  return {
    tier: q.tier,
    tag: q.tag,
    city: q.city,
    district: q.district,
    type: q.type,
    cuisine: q.cuisine,
    owner: q.owner,
    team: q.team,
    scoreMin: q.scoreMin,
    scoreMax: q.scoreMax,
    q: q.q,
  };
}
