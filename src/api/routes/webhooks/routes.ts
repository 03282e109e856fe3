import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listDeliveries, retryDelivery } from '../../../app/webhooks/deliveries.js';
import {
  createSubscription,
  deleteSubscription,
  listSubscriptions,
} from '../../../app/webhooks/subscriptions.js';
import {
  CreatedSubscriptionSchema,
  CreateSubscriptionSchema,
  DeliveriesQuerySchema,
  DeliverySchema,
  IdParamsSchema,
  SubscriptionSchema,
} from './schemas.js';

/** Webhook subscriptions of CRM/ERP systems and their delivery log (docs/webhooks.md). */
export const webhooksRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine } = app.deps;
  const manage = { preHandler: app.requirePermission('webhooks.manage') };
  const tags = ['webhooks'];

  app.post(
    '/',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Subscribe an endpoint to event types; the signing secret is returned once',
        body: CreateSubscriptionSchema,
        response: { 201: CreatedSubscriptionSchema },
      },
    },
    async (request, reply) => {
      const created = await createSubscription(
        engine,
        { ...request.body, createdBy: request.principal?.name ?? 'unknown' },
        app.deps.now(),
      );
      await app.audit(request, {
        action: 'webhook.created',
        target: created.id,
        details: { url: created.url, events: created.events },
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Subscriptions (without secrets) with their deliveries counted by status',
        response: { 200: z.object({ items: z.array(SubscriptionSchema) }) },
      },
    },
    async () => ({ items: await listSubscriptions(engine) }),
  );

  app.delete(
    '/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Delete a subscription and its delivery log',
        params: IdParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteSubscription(engine, request.params.id);
      await app.audit(request, { action: 'webhook.deleted', target: request.params.id });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/:id/deliveries',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Delivery log of a subscription, newest first (status=dead: the dead-letter list)',
        params: IdParamsSchema,
        querystring: DeliveriesQuerySchema,
        response: { 200: z.object({ items: z.array(DeliverySchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const page = await listDeliveries(engine, { subscriptionId: request.params.id, ...request.query });
      return { items: page.deliveries, nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/deliveries/:id/retry',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Send a dead delivery again (same Idempotency-Key, fresh attempts)',
        params: IdParamsSchema,
        response: { 200: DeliverySchema },
      },
    },
    async (request) => {
      const delivery = await retryDelivery(engine, request.params.id, app.deps.now());
      await app.audit(request, {
        action: 'webhook.delivery_retried',
        target: delivery.id,
        details: { subscriptionId: delivery.subscriptionId, eventType: delivery.eventType },
      });
      return delivery;
    },
  );
};
