import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listReps } from '../../../app/allocation/list-reps.js';
import { planVisits } from '../../../app/allocation/plan-visits.js';
import { allows, type CustomerScope } from '../../../contracts/access/principal.js';
import { repInScope, visitsScope } from '../../../contracts/access/visits-scope.js';
import { stratumError } from '../../../contracts/errors.js';
import { formatIsoWeek, isoWeekOfDate } from '../../../contracts/time/iso-week.js';
import { isoDateIn } from '../../../contracts/time/zoned-time.js';
import { visitPlanCsv } from '../../../domain/allocation/visits/visit-plan-csv.js';
import { visitPlanIcs } from '../../../domain/allocation/visits/visit-plan-ics.js';
import { repsSql } from '../../../sql/allocation/reps-sql.js';
import { RepParams, RepSchema, VisitsQuery, WeekPlanSchema } from './schemas.js';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
} as const;

/** A file name part from an id: letters, digits, dot, dash and underscore only. */
const safe = (s: string) => s.replace(/[^\w.-]/g, '_');

/**
 * Account managers (reps) and their weekly visit plans. The list is for allocation readers (every rep) and visit
 * readers (the reps whose plans they may read); a plan is readable by admins, a manager for the reps of their
 * team and a rep for themselves.
 */
export const repsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine, timeZone, now } = app.deps;
  const readVisits = app.requirePermission('visits.read');

  /** Which reps the caller sees: every rep with allocation.read, else those whose visit plans they may read. */
  const listScope = (request: FastifyRequest): CustomerScope => {
    const p = request.principal;
    return p && allows(p, 'allocation.read') ? { kind: 'all' } : p ? visitsScope(p) : { kind: 'none' };
  };

  app.get(
    '/',
    {
      async preHandler(request, reply) {
        if (request.principal && allows(request.principal, 'allocation.read')) return;
        await readVisits.call(this, request, reply);
      },
      schema: {
        tags: ['reps'],
        summary: 'Account managers: team, role, districts, capacity, skills and leave',
        description:
          'Every rep for allocation.read (admin, analyst, manager); otherwise the reps whose visit plans the caller may read (a rep: themselves).',
        response: { 200: z.object({ items: z.array(RepSchema) }) },
      },
    },
    async (request) => ({ items: await listReps(engine, listScope(request)) }),
  );

  app.get(
    '/:repId/visits',
    {
      preHandler: readVisits,
      schema: {
        tags: ['reps'],
        summary: "One rep's weekly visit plan as JSON, CSV or iCalendar",
        description:
          'Visits by the tier policy cadence, grouped by district, around leave. format=csv answers text/csv and format=ics text/calendar, as attachments (visits-<rep>-<week>.csv/.ics). A rep outside the caller’s scope is 404, like one that does not exist.',
        params: RepParams,
        querystring: VisitsQuery,
        response: {
          200: z.union([WeekPlanSchema, z.string().describe('format=csv or ics: the file')]),
        },
      },
    },
    async (request, reply) => {
      const { repId } = request.params;
      const q = request.query;
      const [rep] = await engine.read(repsSql(engine.dialect, repId));
      const scope = visitsScope(request.principal!);
      if (!rep || !repInScope(scope, { id: String(rep.rep_id), team: String(rep.team) }))
        throw stratumError('NOT_FOUND', `no rep ${repId}`, { what: 'rep', id: repId });
      const week = q.week ?? formatIsoWeek(isoWeekOfDate(isoDateIn(timeZone, now().getTime())));
      const plan = await planVisits(engine, { repId, week, runId: q.run });
      if (q.format === 'json') return plan;
      const body = q.format === 'csv' ? visitPlanCsv(plan) : visitPlanIcs(plan, { stampMs: now().getTime() });
      await app.audit(request, {
        action: 'visits.export',
        target: repId,
        details: { week, format: q.format, visits: plan.totals.visits },
      });
      return reply
        .type(CONTENT_TYPES[q.format])
        .header('content-disposition', `attachment; filename="visits-${safe(repId)}-${week}.${q.format}"`)
        .send(body);
    },
  );
};
