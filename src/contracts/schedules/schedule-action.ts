import { z } from 'zod';
import { ReportRequestSchema } from '../reports/report-request.js';

/**
 * What a schedule starts when it fires: a tiering run (the default, and what schedules made before actions
 * existed do), or a report of the period that holds the day before the fire time in the schedule's zone.
 */
export const ScheduleActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('run') }),
  z.object({ kind: z.literal('report'), ...ReportRequestSchema.omit({ asOf: true }).shape }),
]);
export type ScheduleAction = z.infer<typeof ScheduleActionSchema>;

export const RUN_ACTION: ScheduleAction = { kind: 'run' };
