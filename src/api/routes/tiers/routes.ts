import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lookupTier, lookupTiers, TierLookupSchema } from '../../../app/customers/tier-lookup.js';
import { rowAccess } from '../customers/row-scope.js';
import { CustomerId, RunId } from '../customers/schemas.js';

/** Most ids one batch lookup may ask for. */
export const BATCH_MAX_IDS = 1000;

const RunParam = RunId.optional().describe(
  'Tiering run (default: the latest, with what the event stream decided since; an older run answers its snapshot)',
);

const BatchBody = z.strictObject({
  ids: z.array(CustomerId).min(1).max(BATCH_MAX_IDS).describe(`Customer ids, at most ${BATCH_MAX_IDS}`),
  run: RunParam,
});

/** Tier lookups for integrations (CRM/ERP): by id and in batches, scoped like the customer list. */
export const tiersRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine } = app.deps;
  const lookup = { preHandler: app.requirePermission('tiers.lookup') };

  app.post(
    '/batch',
    {
      ...lookup,
      schema: {
        tags: ['tiers'],
        summary: `Tiers of up to ${BATCH_MAX_IDS} customers in one call`,
        body: BatchBody,
        response: {
          200: z.object({
            runId: z.string(),
            asOf: z.string(),
            items: z.array(TierLookupSchema),
            missing: z.array(z.string()).describe('Ids not in the run (or not yours)'),
          }),
        },
      },
    },
    async (request) => {
      const { scope } = rowAccess(request, 'tiers.lookup');
      return lookupTiers(engine, request.body.ids, scope, request.body.run);
    },
  );

  app.get(
    '/:customerId',
    {
      ...lookup,
      schema: {
        tags: ['tiers'],
        summary: 'The current tier of one customer',
        params: z.object({ customerId: CustomerId }),
        querystring: z.strictObject({ run: RunParam }),
        response: { 200: TierLookupSchema },
      },
    },
    async (request) => {
      const { scope } = rowAccess(request, 'tiers.lookup');
      return lookupTier(engine, request.params.customerId, scope, request.query.run);
    },
  );
};
