import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

const COLUMNS =
  'schedule_id, name, cron, time_zone, enabled, created_by, created_at, last_fired_at, last_job_id, action';

export interface ScheduleInsert {
  readonly scheduleId: string;
  readonly name: string;
  readonly cron: string;
  readonly timeZone: string;
  readonly enabled: boolean;
  readonly createdBy: string;
  readonly createdAt: string;
  /** JSON of the schedule's action. */
  readonly action: string;
}

export function insertScheduleSql(d: Dialect, s: ScheduleInsert): SqlQuery {
  const p = (i: number) => d.param(i);
  return sql(
    `INSERT INTO schedules (schedule_id, name, cron, time_zone, enabled, created_by, created_at, action)
     VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, CAST(${p(7)} AS TIMESTAMPTZ), ${p(8)})`,
    [s.scheduleId, s.name, s.cron, s.timeZone, s.enabled, s.createdBy, s.createdAt, s.action],
  );
}

/** Oldest first. */
export const listSchedulesSql = (): SqlQuery =>
  sql(`SELECT ${COLUMNS} FROM schedules ORDER BY created_at, schedule_id`);

export const getScheduleSql = (d: Dialect, scheduleId: string): SqlQuery =>
  sql(`SELECT ${COLUMNS} FROM schedules WHERE schedule_id = ${d.param(1)}`, [scheduleId]);

export interface ScheduleChange {
  readonly name: string;
  readonly cron: string;
  readonly timeZone: string;
  readonly enabled: boolean;
  /** JSON of the schedule's action. */
  readonly action: string;
}

export function updateScheduleSql(d: Dialect, scheduleId: string, s: ScheduleChange): SqlQuery {
  const p = (i: number) => d.param(i);
  return sql(
    `UPDATE schedules SET name = ${p(2)}, cron = ${p(3)}, time_zone = ${p(4)}, enabled = ${p(5)}, action = ${p(6)}
     WHERE schedule_id = ${p(1)}`,
    [scheduleId, s.name, s.cron, s.timeZone, s.enabled, s.action],
  );
}

export const deleteScheduleSql = (d: Dialect, scheduleId: string): SqlQuery =>
  sql(`DELETE FROM schedules WHERE schedule_id = ${d.param(1)}`, [scheduleId]);

/** Records the scheduled time of the run just started and its job. */
export function markScheduleFiredSql(
  d: Dialect,
  scheduleId: string,
  firedAt: string,
  jobId: string,
): SqlQuery {
  return sql(
    `UPDATE schedules SET last_fired_at = CAST(${d.param(2)} AS TIMESTAMPTZ), last_job_id = ${d.param(3)}
     WHERE schedule_id = ${d.param(1)}`,
    [scheduleId, firedAt, jobId],
  );
}
