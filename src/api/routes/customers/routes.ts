import type { FastifyPluginAsync } from 'fastify';
import { MonthPointSchema } from '../../../app/customers/customer-series.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  customerDetail,
  LiveDecisionSchema,
  TierHistoryEntrySchema,
} from '../../../app/customers/customer-detail.js';
import { CustomerItemSchema, TierNameSchema } from '../../../app/customers/customer-item.js';
import { defaultDirection, listCustomers } from '../../../app/customers/list-customers.js';
import { TAGS } from '../../../contracts/tiering/tiers.js';
import { ExplanationSchema } from './explanation-schema.js';
import { rowAccess } from './row-scope.js';
import { CustomerId, CustomerListQuery, parseSort, RunId } from './schemas.js';
import { filterOf } from './filter-of.js';

const CustomerPage = z.object({
  runId: z.string(),
  asOf: z.string(),
  items: z.array(CustomerItemSchema),
  nextCursor: z.string().nullable(),
});

const CustomerDetail = z.object({
  runId: z.string(),
  asOf: z.string(),
  mergedFrom: z.string().nullable(),
  customer: CustomerItemSchema,
  tags: z.array(
    z.object({
      tag: z.enum(TAGS),
      name: TierNameSchema,
      reason: z.object({ zh: z.string(), en: z.string() }),
    }),
  ),
  explanation: ExplanationSchema,
  history: z.array(TierHistoryEntrySchema),
  live: LiveDecisionSchema.nullable(),
  series: z
    .array(MonthPointSchema)
    .describe('Orders, net purchases and invoices per month, the last 12 months'),
});

/** Customers of a tiering run, scoped to the caller and masked for callers without personal.read. */
export const customersRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine } = app.deps;
  const read = { preHandler: app.requirePermission('customers.read') };

  app.get(
    '/',
    {
      ...read,
      schema: {
        tags: ['customers'],
        summary: 'List customers of a run with filters, sorting and cursor pagination',
        querystring: CustomerListQuery,
        response: { 200: CustomerPage },
      },
    },
    async (request) => {
      const access = rowAccess(request, 'customers.read');
      const q = request.query;
      const sort = parseSort(q.sort, q.order);
      return listCustomers(engine, {
        ...access,
        runId: q.run,
        filter: filterOf(q),
        sort: sort.key,
        direction: sort.direction ?? defaultDirection(sort.key),
        cursor: q.cursor,
        limit: q.limit,
      });
    },
  );

  app.get(
    '/:id',
    {
      ...read,
      schema: {
        tags: ['customers'],
        summary: 'One customer: tier, score, tags with reasons, policy, explanation and tier history',
        params: z.object({ id: CustomerId }),
        querystring: z.strictObject({ run: RunId.optional() }),
        response: { 200: CustomerDetail },
      },
    },
    async (request) =>
      customerDetail(engine, {
        ...rowAccess(request, 'customers.read'),
        customerId: request.params.id,
        runId: request.query.run,
      }),
  );
};
