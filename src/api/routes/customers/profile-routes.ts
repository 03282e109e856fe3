import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defaultAsOf } from '../../../app/jobs/default-as-of.js';
import { purchaseProfile } from '../../../app/profiles/purchase-profile.js';
import {
  PROFILE_DEFAULT_DAYS,
  PROFILE_MAX_DAYS,
  PROFILE_MIN_DAYS,
  PurchaseProfileSchema,
} from '../../../contracts/profiles/purchase-profile.js';
import { IsoDateSchema } from '../../../contracts/time/iso-date.js';
import { rowAccess } from './row-scope.js';
import { CustomerId } from './schemas.js';

const ProfileQuery = z.strictObject({
  asOf: IsoDateSchema.optional().describe('Last day of the window (default: yesterday in the server zone)'),
  days: z.coerce
    .number()
    .int()
    .min(PROFILE_MIN_DAYS)
    .max(PROFILE_MAX_DAYS)
    .default(PROFILE_DEFAULT_DAYS)
    .describe('Days of the window ending on asOf'),
});

/**
 * GET /customers/:id/profile: the customer's purchase profile beside its peers' (docs/profiles.md), scoped like
 * the customer. It holds no personal data, so there is nothing to mask.
 */
export const customerProfileRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine, timeZone, now } = app.deps;

  app.get(
    '/:id/profile',
    {
      preHandler: app.requirePermission('customers.read'),
      schema: {
        tags: ['customers'],
        summary:
          "A customer's purchase profile: category shares and trend, favourite SKUs, order rhythm, basket, discounts, and the differences from its peers",
        params: z.object({ id: CustomerId }),
        querystring: ProfileQuery,
        response: { 200: PurchaseProfileSchema },
      },
    },
    async (request) =>
      purchaseProfile(engine, {
        customerId: request.params.id,
        asOf: request.query.asOf ?? defaultAsOf(timeZone, now()),
        days: request.query.days,
        scope: rowAccess(request, 'customers.read').scope,
      }),
  );
};
