import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addSchedule,
  getSchedule,
  listSchedules,
  nextRunAt,
  removeSchedule,
  updateSchedule,
  type Schedule,
} from '../../../app/schedules/schedules.js';
import { serverJobs } from '../jobs/server-jobs.js';
import { NewScheduleBody, ScheduleChangeBody, ScheduleParams, ScheduleSchema } from './schemas.js';

/**
 * Schedules: cron expressions in a time zone; each fire starts a run with the active configuration, or
 * generates a report (see docs/runs-and-schedules.md). The running scheduler picks changes up at once.
 */
export const schedulesRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine, timeZone, now } = app.deps;
  const { scheduler } = serverJobs(app.deps);
  const manage = { preHandler: app.requirePermission('schedules.manage') };
  const tags = ['schedules'];
  const view = (s: Schedule) => ({ ...s, nextRunAt: nextRunAt(s, now()) });

  app.get(
    '/',
    {
      ...manage,
      schema: { tags, summary: 'Schedules', response: { 200: z.object({ items: z.array(ScheduleSchema) }) } },
    },
    async () => ({ items: (await listSchedules(engine)).map(view) }),
  );

  app.post(
    '/',
    {
      ...manage,
      schema: { tags, summary: 'Add a schedule', body: NewScheduleBody, response: { 201: ScheduleSchema } },
    },
    async (request, reply) => {
      const s = await addSchedule(
        engine,
        {
          ...request.body,
          timeZone: request.body.timeZone ?? timeZone,
          createdBy: request.principal?.name ?? 'unknown',
        },
        now(),
      );
      await app.audit(request, {
        action: 'schedule.created',
        target: s.scheduleId,
        details: { name: s.name, cron: s.cron, timeZone: s.timeZone, enabled: s.enabled, action: s.action },
      });
      await scheduler.reload();
      return reply.status(201).send(view(s));
    },
  );

  app.get(
    '/:scheduleId',
    {
      ...manage,
      schema: { tags, summary: 'One schedule', params: ScheduleParams, response: { 200: ScheduleSchema } },
    },
    async (request) => view(await getSchedule(engine, request.params.scheduleId)),
  );

  app.patch(
    '/:scheduleId',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Change a schedule (name, cron, zone, enabled, action)',
        params: ScheduleParams,
        body: ScheduleChangeBody,
        response: { 200: ScheduleSchema },
      },
    },
    async (request) => {
      const s = await updateSchedule(engine, request.params.scheduleId, request.body);
      await app.audit(request, {
        action: 'schedule.updated',
        target: s.scheduleId,
        details: { ...request.body },
      });
      await scheduler.reload();
      return view(s);
    },
  );

  app.delete(
    '/:scheduleId',
    {
      ...manage,
      schema: { tags, summary: 'Remove a schedule', params: ScheduleParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const s = await removeSchedule(engine, request.params.scheduleId);
      await app.audit(request, {
        action: 'schedule.deleted',
        target: s.scheduleId,
        details: { name: s.name },
      });
      await scheduler.reload();
      return reply.status(204).send(null);
    },
  );
};
