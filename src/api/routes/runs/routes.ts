import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { defaultAsOf } from '../../../app/jobs/default-as-of.js';
import { z } from 'zod';
import { listRuns, runDetail } from '../../../app/jobs/runs.js';
import { JobAccepted } from '../jobs/schemas.js';
import { serverJobs } from '../jobs/server-jobs.js';
import { RunDetailSchema, RunInfoSchema, RunListQuery, StartBackfillBody, StartRunBody } from './schemas.js';

/** Tiering runs: list, start one (a background job with the active configuration), one run's report. */
export const runsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine, timeZone, now } = app.deps;
  const { jobs } = serverJobs(app.deps);
  const read = { preHandler: app.requirePermission('runs.read') };
  const start = { preHandler: app.requirePermission('runs.start') };
  const requester = (p: { name: string } | null) => p?.name ?? 'unknown';

  app.get(
    '/',
    {
      ...read,
      schema: {
        tags: ['runs'],
        summary: 'Tiering runs, newest first',
        querystring: RunListQuery,
        response: { 200: z.object({ items: z.array(RunInfoSchema), total: z.number().int() }) },
      },
    },
    async (request) => {
      const { runs, total } = await listRuns(engine, request.query);
      return { items: runs, total };
    },
  );

  app.post(
    '/',
    {
      ...start,
      schema: {
        tags: ['runs'],
        summary: 'Start a tiering run with the active configuration (202; poll the job)',
        description: 'One job at a time: 409 CONFLICT while another run or backfill is queued or running.',
        body: StartRunBody.nullish(),
        response: { 202: JobAccepted },
      },
    },
    async (request, reply) => {
      const asOf = request.body?.asOf ?? defaultAsOf(timeZone, now());
      const job = await jobs.start({ kind: 'run', asOf, trigger: 'run' }, requester(request.principal));
      await app.audit(request, {
        action: 'run.started',
        target: job.jobId,
        details: {
          kind: 'run',
          asOf,
          configVersion: (job.params as { configVersion: number }).configVersion,
        },
      });
      return reply.status(202).send({ jobId: job.jobId, job });
    },
  );

  app.post(
    '/backfill',
    {
      ...start,
      schema: {
        tags: ['runs'],
        summary: 'Backfill runs every week or month from `from` to `to` (202; poll the job)',
        description:
          'Dates that already have a run with the active configuration are skipped. One job at a time: 409 CONFLICT while another is queued or running.',
        body: StartBackfillBody,
        response: { 202: JobAccepted },
      },
    },
    async (request, reply) => {
      const job = await jobs.start({ kind: 'backfill', ...request.body }, requester(request.principal));
      await app.audit(request, {
        action: 'run.started',
        target: job.jobId,
        details: {
          kind: 'backfill',
          ...request.body,
          configVersion: (job.params as { configVersion: number }).configVersion,
        },
      });
      return reply.status(202).send({ jobId: job.jobId, job });
    },
  );

  app.get(
    '/:runId',
    {
      ...read,
      schema: {
        tags: ['runs'],
        summary:
          'One run: summary, tier shares, tags, distribution and the migration matrix since the previous run',
        params: z.object({ runId: z.string().min(1).max(200) }),
        response: { 200: RunDetailSchema },
      },
    },
    async (request) => runDetail(engine, request.params.runId),
  );
};
