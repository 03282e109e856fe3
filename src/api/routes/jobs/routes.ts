import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { JOB_STATUSES } from '../../../app/jobs/job.js';
import { JobSchema } from './schemas.js';
import { serverJobs } from './server-jobs.js';

/** Background jobs (runs and backfills): their status, progress and outcome. */
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
    async (request) => ({ items: await jobs.list(request.query) }),
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
    async (request) => jobs.get(request.params.jobId),
  );
};
