import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerOwnerHistory } from '../../../app/allocation/customer-owner-history.js';
import { rowAccess } from '../customers/row-scope.js';
import { CustomerId } from '../customers/schemas.js';
import { OwnerHistorySchema } from './schemas.js';

/** GET /customers/:id/owners: a customer's changes of owner by allocation rounds, scoped like the customer. */
export const customerOwnersRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine } = app.deps;

  app.get(
    '/:id/owners',
    {
      preHandler: app.requirePermission('customers.read'),
      schema: {
        tags: ['customers', 'allocation'],
        summary: "A customer's ownership history: every change of owner applied allocation rounds made",
        params: z.object({ id: CustomerId }),
        response: { 200: OwnerHistorySchema },
      },
    },
    async (request) =>
      customerOwnerHistory(engine, {
        customerId: request.params.id,
        scope: rowAccess(request, 'customers.read').scope,
      }),
  );
};
