import { assertUnreachable } from '../../contracts/assert-unreachable.js';
import type { JobRequest } from '../jobs/job.js';
import type { Schedule } from './schedules.js';

/**
 * The job a schedule starts for a fire as of `asOf`, the day before the fire time in the schedule's zone
 * (fireAsOf): a tiering run with data to the end of that day, or a report of the week or month that holds it
 * (so a report fired on a Monday covers the ISO week that ended the day before, one fired on the 1st the
 * month before).
 */
export function scheduledJob(s: Schedule, asOf: string): JobRequest {
  const action = s.action;
  switch (action.kind) {
    case 'run':
      return { kind: 'run', asOf, trigger: 'schedule' };
    case 'report':
      return {
        kind: 'report',
        period: action.period,
        format: action.format,
        language: action.language,
        asOf,
        timeZone: s.timeZone,
        scheduleId: s.scheduleId,
      };
    default:
      return assertUnreachable(action, 'schedule action');
  }
}
