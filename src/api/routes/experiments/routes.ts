import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { analyzeExperiment } from '../../../app/experiments/analyze-experiment.js';
import { assignExperiment } from '../../../app/experiments/assign-experiment.js';
import { assignmentCsv } from '../../../app/experiments/assignment-file.js';
import {
  createExperiment,
  getExperiment,
  listExperiments,
  variantCounts,
  type Experiment,
} from '../../../app/experiments/experiments.js';
import { tierBoundaryEffect } from '../../../app/experiments/tier-boundary-effect.js';
import { defaultAsOf } from '../../../app/jobs/default-as-of.js';
import { ExperimentResultSchema } from '../../../contracts/experiments/experiment-result.js';
import { ExperimentSpecSchema } from '../../../contracts/experiments/experiment-spec.js';
import {
  AssignmentSummarySchema,
  ExperimentViewSchema,
} from '../../../contracts/experiments/experiment-view.js';
import { TierBoundaryEffectSchema } from '../../../contracts/experiments/tier-boundary.js';
import { BoundaryQuery, ExperimentParams, ResultsQuery } from './schemas.js';

/**
 * Experiments (docs/experiments.md): create, assign once (frozen), analyse as of a date; and the effect of a tier
 * edge without an experiment. Managers read, analysts and admins run them.
 */
export const experimentsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine, timeZone, now } = app.deps;
  const read = { preHandler: app.requirePermission('experiments.read') };
  const manage = { preHandler: app.requirePermission('experiments.manage') };
  const tags = ['experiments'];
  const view = async (e: Experiment) => ({ ...e, variants: await variantCounts(engine, e) });

  app.get(
    '/',
    {
      ...read,
      schema: {
        tags,
        summary: 'Experiments, newest first',
        response: { 200: z.object({ items: z.array(ExperimentViewSchema) }) },
      },
    },
    async () => ({ items: await Promise.all((await listExperiments(engine)).map(view)) }),
  );

  app.post(
    '/',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Create an experiment (not assigned yet)',
        body: ExperimentSpecSchema,
        response: { 201: ExperimentViewSchema },
      },
    },
    async (request, reply) => {
      const e = await createExperiment(engine, request.body, request.principal?.name ?? 'unknown', now());
      await app.audit(request, {
        action: 'experiment.created',
        target: e.experimentId,
        details: { name: e.name, unit: e.unit, start: e.start, variants: e.spec.variants.map((v) => v.name) },
      });
      return reply.status(201).send(await view(e));
    },
  );

  app.get(
    '/boundary',
    {
      ...read,
      schema: {
        tags,
        summary: 'Effect of a tier edge without an experiment (regression discontinuity), with its caveats',
        querystring: BoundaryQuery,
        response: { 200: TierBoundaryEffectSchema },
      },
    },
    async (request) => {
      const q = request.query;
      return tierBoundaryEffect(engine, {
        tier: q.tier,
        metric: q.metric,
        days: q.days,
        runId: q.runId,
        asOf: q.asOf ?? defaultAsOf(timeZone, now()),
      });
    },
  );

  app.get(
    '/:experimentId',
    {
      ...read,
      schema: {
        tags,
        summary: 'One experiment (by id or name)',
        params: ExperimentParams,
        response: { 200: ExperimentViewSchema },
      },
    },
    async (request) => view(await getExperiment(engine, request.params.experimentId)),
  );

  app.post(
    '/:experimentId/assign',
    {
      ...manage,
      schema: {
        tags,
        summary:
          'Randomise the population once (stratified hashing) and freeze it; again: the frozen assignment',
        params: ExperimentParams,
        response: { 200: AssignmentSummarySchema },
      },
    },
    async (request) => {
      const a = await assignExperiment(engine, request.params.experimentId, now());
      if (!a.alreadyAssigned)
        await app.audit(request, {
          action: 'experiment.assigned',
          target: a.experimentId,
          details: { runId: a.runId, variants: a.variants },
        });
      return a;
    },
  );

  app.get(
    '/:experimentId/results',
    {
      ...read,
      schema: {
        tags,
        summary: 'Effects with CUPED and 95 % intervals, the sample ratio check and the ROI',
        params: ExperimentParams,
        querystring: ResultsQuery,
        response: { 200: ExperimentResultSchema },
      },
    },
    async (request) =>
      analyzeExperiment(
        engine,
        request.params.experimentId,
        request.query.asOf ?? defaultAsOf(timeZone, now()),
      ),
  );

  app.get(
    '/:experimentId/assignment',
    {
      ...read,
      schema: {
        tags,
        summary:
          'The frozen assignment as CSV: customer, unit, stratum, variant and what the variant changes',
        params: ExperimentParams,
      },
    },
    async (request, reply) => {
      const { filename, csv } = await assignmentCsv(engine, request.params.experimentId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(csv);
    },
  );
};
