import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

const COLUMNS =
  'rep_id, name, team, role, seniority, city, home_lat, home_lon, districts, capacity_points, skills, leave';

/** Every account manager (the reps source table), by id; or the one with `repId`. */
export function repsSql(d: Dialect, repId?: string): SqlQuery {
  return repId === undefined
    ? sql(`SELECT ${COLUMNS} FROM reps ORDER BY rep_id`)
    : sql(`SELECT ${COLUMNS} FROM reps WHERE rep_id = ${d.param(1)}`, [repId]);
}
