import { z } from 'zod';
import { ScheduleActionSchema } from '../../../contracts/schedules/schedule-action.js';

const Action = ScheduleActionSchema.describe(
  'What a fire starts: {"kind":"run"}, a tiering run as of the day before the fire time, or {"kind":"report",' +
    '"period":"week"|"month","format":"html"|"pdf","language":"zh-CN"|"en"}, a report of the week or month that ' +
    'holds that day (fired on a Monday: the ISO week just ended)',
);

export const ScheduleSchema = z.object({
  scheduleId: z.string(),
  name: z.string(),
  cron: z.string().describe('minute hour day-of-month month day-of-week, e.g. "0 3 * * 1" (Monday 03:00)'),
  timeZone: z.string().describe('IANA zone the cron expression is read in'),
  enabled: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastFiredAt: z.string().nullable().describe('Scheduled time of the last run it started'),
  lastJobId: z.string().nullable(),
  nextRunAt: z.string().nullable().describe('Next scheduled time (null when disabled)'),
  action: Action,
});

export const ScheduleParams = z.object({ scheduleId: z.string().min(1).max(100) });

export const NewScheduleBody = z.object({
  name: z.string().min(1).max(100),
  cron: z.string().min(1).max(200),
  timeZone: z.string().min(1).max(100).optional().describe('Default: the server zone'),
  enabled: z.boolean().default(true),
  action: Action.optional().describe('Default: {"kind":"run"}'),
});

export const ScheduleChangeBody = z.object({
  name: z.string().min(1).max(100).optional(),
  cron: z.string().min(1).max(200).optional(),
  timeZone: z.string().min(1).max(100).optional(),
  enabled: z.boolean().optional(),
  action: Action.optional(),
});
