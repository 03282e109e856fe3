import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listRounds, roundDetail } from '../../../app/allocation/rounds.js';
import { JobAccepted } from '../jobs/schemas.js';
import { serverJobs } from '../jobs/server-jobs.js';
import {
  PlanBody,
  RoundDetailSchema,
  RoundListQuery,
  RoundMovesQuery,
  RoundParams,
  RoundSummarySchema,
} from './schemas.js';

/**
 * Allocation of customers to account managers: compute a plan (and apply it) as a background job, and the
 * applied rounds.
 */
export const allocationRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine, timeZone } = app.deps;
  const { jobs } = serverJobs(app.deps);
  const read = { preHandler: app.requirePermission('allocation.read') };
  const mayApply = app.requirePermission('allocation.apply');

  app.post(
    '/plans',
    {
      ...read,
      schema: {
        tags: ['allocation'],
        summary: 'Compute an allocation plan, and apply it unless a dry run (202; poll the job)',
        description:
          'The job (kind allocation) solves on a worker thread; when it has succeeded its result is the plan ' +
          '(AllocationPlan, as `stratum allocate --json`). dryRun=false needs allocation.apply and applies the plan ' +
          'in one transaction (owners, history, audit, owner.changed webhooks). One job at a time: 409 CONFLICT ' +
          'while a run, backfill or allocation is queued or running.',
        body: PlanBody.nullish(),
        response: { 202: JobAccepted },
      },
    },
    async (request, reply) => {
      const body = PlanBody.parse(request.body ?? {});
      if (!body.dryRun) await mayApply.call(app, request, reply);
      const p = request.principal!;
      const job = await jobs.start(
        {
          kind: 'allocation',
          ...body,
          actor: { name: p.name, kind: p.kind },
          timeZone,
        },
        p.name,
      );
      await app.audit(request, {
        action: body.dryRun ? 'allocation.planned' : 'allocation.requested',
        target: job.jobId,
        details: { ...body },
      });
      return reply.status(202).send({ jobId: job.jobId, job });
    },
  );

  app.get(
    '/rounds',
    {
      ...read,
      schema: {
        tags: ['allocation'],
        summary: 'Applied allocation rounds, newest first, with their headline figures',
        querystring: RoundListQuery,
        response: { 200: z.object({ items: z.array(RoundSummarySchema) }) },
      },
    },
    async (request) => ({ items: await listRounds(engine, request.query.limit) }),
  );

  app.get(
    '/rounds/:roundId',
    {
      ...read,
      schema: {
        tags: ['allocation'],
        summary: 'One applied round: the stored plan and a page of its moves (largest gain first)',
        params: RoundParams,
        querystring: RoundMovesQuery,
        response: { 200: RoundDetailSchema },
      },
    },
    async (request) => roundDetail(engine, request.params.roundId, request.query),
  );
};
