import { Cron } from 'croner';
import { stratumError } from '../../contracts/errors.js';
import { addDays } from '../../contracts/time/iso-date.js';
import { isoDateIn } from '../../contracts/time/zoned-time.js';

/**
 * A schedule's timing: a five-field cron expression (minute hour day-of-month month day-of-week; names such as
 * MON and nicknames such as @weekly are accepted) read in an IANA time zone. Day-of-month and day-of-week
 * combine with OR, as in Vixie cron.
 */
export interface CronSpec {
  readonly cron: string;
  readonly timeZone: string;
}

/** A validated cron expression in its zone; INVALID_ARGUMENT names the field at fault. */
export function parseCron(spec: CronSpec): Cron {
  try {
    new Intl.DateTimeFormat('en', { timeZone: spec.timeZone });
  } catch {
    throw stratumError('INVALID_ARGUMENT', `timeZone: "${spec.timeZone}" is not an IANA time zone`, {
      field: 'timeZone',
    });
  }
  try {
    return new Cron(spec.cron, { timezone: spec.timeZone, paused: true, mode: '5-part' });
  } catch (error) {
    throw stratumError('INVALID_ARGUMENT', `cron: ${(error as Error).message}`, { field: 'cron' });
  }
}

/** The first scheduled time strictly after `after`, or null when the expression never matches again. */
export const nextFire = (spec: CronSpec, after: Date): Date | null => parseCron(spec).nextRun(after);

/** The latest scheduled time at or before `atOrBefore`, or null when there is none. */
export function latestFire(spec: CronSpec, atOrBefore: Date): Date | null {
  // previousRuns excludes the reference itself; a millisecond later includes a time exactly at it.
  const [latest] = parseCron(spec).previousRuns(1, new Date(atOrBefore.getTime() + 1));
  return latest ?? null;
}

/**
 * The fire time a schedule owes at `now`, if any: its latest scheduled time at or before `now`, when that is
 * later than `since` (the last fire, or the schedule's creation). After downtime this is the latest missed time
 * only: a schedule that missed several runs runs once.
 */
export function dueFire(spec: CronSpec, since: Date, now: Date): Date | null {
  const latest = latestFire(spec, now);
  return latest !== null && latest.getTime() > since.getTime() ? latest : null;
}

/**
 * The as-of date of a scheduled run: the day before the fire time in the schedule's zone, the last complete
 * day (Monday 03:00 Asia/Shanghai → Sunday).
 */
export const fireAsOf = (spec: CronSpec, fire: Date): string =>
  addDays(isoDateIn(spec.timeZone, fire.getTime()), -1);
