import { randomUUID } from 'node:crypto';
import { stratumError } from '../../contracts/errors.js';
import {
  RUN_ACTION,
  ScheduleActionSchema,
  type ScheduleAction,
} from '../../contracts/schedules/schedule-action.js';
import type { Engine, Row } from '../../engines/engine.js';
import {
  deleteScheduleSql,
  getScheduleSql,
  insertScheduleSql,
  listSchedulesSql,
  markScheduleFiredSql,
  updateScheduleSql,
} from '../../sql/schedules/schedules-sql.js';
import { nextFire, parseCron } from './cron.js';

export interface Schedule {
  readonly scheduleId: string;
  readonly name: string;
  readonly cron: string;
  readonly timeZone: string;
  readonly enabled: boolean;
  readonly createdBy: string;
  readonly createdAt: string;
  /** Scheduled time of the last run it started. */
  readonly lastFiredAt: string | null;
  readonly lastJobId: string | null;
  /** What a fire starts: a tiering run, or a report. */
  readonly action: ScheduleAction;
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

const toSchedule = (r: Row): Schedule => ({
  scheduleId: String(r.schedule_id),
  name: String(r.name),
  cron: String(r.cron),
  timeZone: String(r.time_zone),
  enabled: r.enabled === true,
  createdBy: String(r.created_by),
  createdAt: String(r.created_at),
  lastFiredAt: str(r.last_fired_at),
  lastJobId: str(r.last_job_id),
  // Schedules made before actions existed have none: they start tiering runs.
  action:
    r.action === null || r.action === undefined
      ? RUN_ACTION
      : ScheduleActionSchema.parse(JSON.parse(String(r.action))),
});

/** The next time an enabled schedule fires after `now` (null when disabled or never again). */
export const nextRunAt = (s: Schedule, now: Date): string | null =>
  s.enabled ? (nextFire(s, now)?.toISOString() ?? null) : null;

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100)
    throw stratumError('INVALID_ARGUMENT', 'name: 1 to 100 characters', { field: 'name' });
  return trimmed;
}

export interface NewSchedule {
  readonly name: string;
  readonly cron: string;
  readonly timeZone: string;
  readonly enabled?: boolean;
  readonly createdBy: string;
  /** Default: a tiering run. */
  readonly action?: ScheduleAction;
}

export async function addSchedule(engine: Engine, s: NewSchedule, now: Date): Promise<Schedule> {
  const name = checkName(s.name);
  parseCron(s);
  const scheduleId = `sch-${randomUUID().slice(0, 8)}`;
  await engine.run(
    insertScheduleSql(engine.dialect, {
      scheduleId,
      name,
      cron: s.cron.trim(),
      timeZone: s.timeZone,
      enabled: s.enabled ?? true,
      createdBy: s.createdBy,
      createdAt: now.toISOString(),
      action: JSON.stringify(ScheduleActionSchema.parse(s.action ?? RUN_ACTION)),
    }),
  );
  return getSchedule(engine, scheduleId);
}

export async function listSchedules(engine: Engine): Promise<Schedule[]> {
  return (await engine.all(listSchedulesSql())).map(toSchedule);
}

export async function getSchedule(engine: Engine, scheduleId: string): Promise<Schedule> {
  const [row] = await engine.all(getScheduleSql(engine.dialect, scheduleId));
  if (!row)
    throw stratumError('NOT_FOUND', `no schedule ${scheduleId}`, { what: 'schedule', id: scheduleId });
  return toSchedule(row);
}

export interface ScheduleUpdate {
  readonly name?: string | undefined;
  readonly cron?: string | undefined;
  readonly timeZone?: string | undefined;
  readonly enabled?: boolean | undefined;
  readonly action?: ScheduleAction | undefined;
}

export async function updateSchedule(
  engine: Engine,
  scheduleId: string,
  change: ScheduleUpdate,
): Promise<Schedule> {
  const s = await getSchedule(engine, scheduleId);
  const next = {
    name: change.name === undefined ? s.name : checkName(change.name),
    cron: (change.cron ?? s.cron).trim(),
    timeZone: change.timeZone ?? s.timeZone,
    enabled: change.enabled ?? s.enabled,
  };
  parseCron(next);
  const action = JSON.stringify(ScheduleActionSchema.parse(change.action ?? s.action));
  await engine.run(updateScheduleSql(engine.dialect, scheduleId, { ...next, action }));
  return getSchedule(engine, scheduleId);
}

export async function removeSchedule(engine: Engine, scheduleId: string): Promise<Schedule> {
  const s = await getSchedule(engine, scheduleId);
  await engine.run(deleteScheduleSql(engine.dialect, scheduleId));
  return s;
}

export async function markScheduleFired(
  engine: Engine,
  scheduleId: string,
  firedAt: Date,
  jobId: string,
): Promise<void> {
  await engine.run(markScheduleFiredSql(engine.dialect, scheduleId, firedAt.toISOString(), jobId));
}
