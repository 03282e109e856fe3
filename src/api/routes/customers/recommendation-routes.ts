import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { latestRun } from '../../../app/customers/run-of.js';
import { defaultEnd } from '../../../app/generate/generate-options.js';
import { assortmentCsv } from '../../../app/recommendations/assortment-csv.js';
import { customAssortments } from '../../../app/recommendations/custom-assortments.js';
import { recommendForCustomer } from '../../../app/recommendations/recommend-customer.js';
import { CustomerRecommendationsSchema } from '../../../contracts/recommendations/recommendations.js';
import { TIERS } from '../../../contracts/tiering/tiers.js';
import { IsoDateSchema } from '../../../contracts/time/iso-date.js';
import { rowAccess } from './row-scope.js';
import { CustomerId, RunId } from './schemas.js';

const Limit = z.coerce.number().int().min(1).max(100).default(10).describe('SKUs per customer');

/** GET /customers/:id/recommendations: a customer's assortment recommendations, scoped like the customer. */
export const customerRecommendationRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine } = app.deps;

  app.get(
    '/:id/recommendations',
    {
      preHandler: app.requirePermission('customers.read'),
      schema: {
        tags: ['customers'],
        summary:
          'SKUs that customers of the same cuisine and size nearby buy and this customer never has, with reasons',
        params: z.object({ id: CustomerId }),
        querystring: z.strictObject({
          asOf: IsoDateSchema.optional().describe(
            'Last day of the history (default: the latest run’s as-of date)',
          ),
          limit: Limit,
        }),
        response: { 200: CustomerRecommendationsSchema },
      },
    },
    async (request) => {
      const { scope } = rowAccess(request, 'customers.read');
      return recommendForCustomer(engine, {
        customerId: request.params.id,
        asOf: request.query.asOf ?? (await latestRun(engine))?.asOf,
        latest: defaultEnd(app.deps.now()),
        limit: request.query.limit,
        scope,
      });
    },
  );
};

const ExportQuery = z.strictObject({
  tiers: z
    .string()
    .default('platinum,gold')
    .transform((s) => s.split(',').map((t) => t.trim()))
    .pipe(z.array(z.enum(TIERS)).min(1))
    .describe('Comma-separated tiers, e.g. platinum,gold'),
  run: RunId.optional().describe('Tiering run (default: the latest)'),
  limit: Limit,
  lang: z.enum(['zh-CN', 'en']).default('zh-CN').describe('Language of the reason column'),
});

/** GET /recommendations/export: the custom-assortment lists of a run's tiers as CSV, scoped, audited. */
export const recommendationExportRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine } = app.deps;

  app.get(
    '/export',
    {
      preHandler: app.requirePermission('export.read'),
      schema: {
        tags: ['export', 'customers'],
        summary: 'Custom-assortment lists (customer, tier, rank, SKU, category, peer share, reason) as CSV',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const { scope } = rowAccess(request, 'export.read');
      const q = request.query;
      const lists = await customAssortments(engine, { tiers: q.tiers, runId: q.run, limit: q.limit, scope });
      await app.audit(request, {
        action: 'export',
        target: lists.runId,
        details: { what: 'recommendations', tiers: q.tiers, rows: lists.rows.length, scope: scope.kind },
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="assortments-${lists.runId.replace(/[^\w.-]/g, '_')}.csv"`,
        )
        .send(assortmentCsv(lists.rows, q.lang));
    },
  );
};
