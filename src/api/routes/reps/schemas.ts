import { z } from 'zod';
import { REP_ROLES, SENIORITIES } from '../../../contracts/allocation/roles.js';
import { IsoWeekSchema } from '../../../contracts/time/iso-week.js';
import { TIERS } from '../../../contracts/tiering/tiers.js';
import { UNSCHEDULED_REASONS } from '../../../contracts/allocation/week-plan.js';
import { RunId } from '../customers/schemas.js';

/** Answers hold readonly arrays. */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

export const RepSchema = z.object({
  id: z.string(),
  name: z.string(),
  team: z.string(),
  role: z.enum(REP_ROLES),
  seniority: z.enum(SENIORITIES),
  city: z.string(),
  districts: list(z.string()).describe('Districts of the city they cover; empty = the whole city'),
  capacity: z.number().describe('Workload points (hours) per week'),
  skills: list(z.string()),
  leave: list(z.object({ from: z.string(), to: z.string() })).describe('Inclusive date ranges'),
});

export const RepParams = z.object({ repId: z.string().min(1).max(64) });

export const VISIT_FORMATS = ['json', 'csv', 'ics'] as const;

export const VisitsQuery = z.strictObject({
  week: IsoWeekSchema.optional().describe('ISO week YYYY-Www (default: the current week in the server zone)'),
  format: z
    .enum(VISIT_FORMATS)
    .default('json')
    .describe('json (the plan), csv (visits and calls, UTF-8 with BOM) or ics (the visits as iCalendar)'),
  run: RunId.optional().describe('Tiering run whose tiers set the visit cadence (default: the latest)'),
});

const Point = z.object({ lat: z.number(), lon: z.number() });
const Tier = z.enum(TIERS).nullable();

/** WeekPlan (src/domain/allocation/visits/week-plan.ts): times are local ISO date-times with their offset. */
export const WeekPlanSchema = z.object({
  repId: z.string(),
  repName: z.string(),
  week: z.string(),
  timeZone: z.string(),
  days: list(
    z.object({
      date: z.string(),
      onLeave: z.boolean(),
      districts: list(z.string()).describe('Districts visited, in visit order'),
      visits: list(
        z.object({
          customerId: z.string(),
          name: z.string(),
          tier: Tier,
          district: z.string(),
          address: z.string(),
          location: Point.nullable(),
          occurrence: z.number().int(),
          start: z.string(),
          end: z.string(),
          travelMinutes: z.number(),
        }),
      ),
      minutes: z.number().describe('Busy minutes: travel, visits and calls'),
    }),
  ),
  calls: list(
    z.object({
      customerId: z.string(),
      name: z.string(),
      tier: Tier,
      district: z.string(),
      address: z.string(),
      occurrence: z.number().int(),
      date: z.string(),
      start: z.string(),
      end: z.string(),
    }),
  ),
  unscheduled: list(
    z.object({
      customerId: z.string(),
      name: z.string(),
      kind: z.enum(['visit', 'call']),
      occurrence: z.number().int(),
      reason: z.enum(UNSCHEDULED_REASONS),
    }),
  ),
  totals: z.object({
    visits: z.number().int(),
    calls: z.number().int(),
    unscheduled: z.number().int(),
    travelMinutes: z.number(),
    visitMinutes: z.number(),
    callMinutes: z.number(),
  }),
});
