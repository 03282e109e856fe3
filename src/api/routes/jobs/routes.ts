import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { JOB_STATUSES, type Job } from '../../../app/jobs/job.js';
import { allows } from '../../../contracts/access/principal.js';
import { JobSchema } from './schemas.js';
import { serverJobs } from './server-jobs.js';

/**
 * An allocation job's request and plan name customers and owners: callers without allocation.read see its status
 * and progress only.
 */
function visibleTo(request: FastifyRequest, job: Job): Job {
  if (job.kind !== 'allocation' || (request.principal && allows(request.principal, 'allocation.read')))
    return job;
  return { ...job, params: null, result: null };
}

/** Background jobs (runs, backfills and allocation rounds): their status, progress and outcome. */
export const jobsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { jobs } = serverJobs(app.deps);
  const read = { preHandler: app.requirePermission('runs.read') };

  // Jobs a stopped server left running are marked failed before the server takes requests; closing the server
  // waits for the running job, so that it ends recorded.
  app.addHook('onReady', async () => {
    await jobs.recoverInterrupted();
  });
  app.addHook('onClose', async () => {
    await jobs.idle();
  });

  app.get(
    '/',
    {
      ...read,
      schema: {
        tags: ['jobs'],
        summary: 'Jobs, newest first',
        querystring: z.object({
          kind: z.string().min(1).optional(),
          status: z.enum(JOB_STATUSES).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ items: z.array(JobSchema) }) },
      },
    },
    async (request) => ({ items: (await jobs.list(request.query)).map((job) => visibleTo(request, job)) }),
  );

  app.get(
    '/:jobId',
    {
      ...read,
      schema: {
        tags: ['jobs'],
        summary: 'One job, with live progress while it runs',
        params: z.object({ jobId: z.string().min(1).max(100) }),
        response: { 200: JobSchema },
      },
    },
    async (request) => visibleTo(request, await jobs.get(request.params.jobId)),
  );
};
