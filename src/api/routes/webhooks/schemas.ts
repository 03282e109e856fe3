import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../../../domain/webhooks/event-types.js';
import { DELIVERY_STATUSES } from '../../../sql/webhooks/deliveries-sql.js';

export const EventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

export const CreateSubscriptionSchema = z.object({
  url: z.string().min(1).max(2048).describe('http or https endpoint receiving POSTs'),
  events: z.array(EventTypeSchema).min(1).max(WEBHOOK_EVENT_TYPES.length),
});

export const CreatedSubscriptionSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(EventTypeSchema),
  secret: z.string().describe('the signing secret: shown in this response only'),
  createdAt: z.string(),
});

export const SubscriptionSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  deliveries: z.object({ pending: z.number().int(), delivered: z.number().int(), dead: z.number().int() }),
});

export const IdParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const DeliveriesQuerySchema = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(1000).optional(),
});

export const DeliverySchema = z.object({
  id: z.string().describe('also the Idempotency-Key header of every attempt'),
  subscriptionId: z.string(),
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  payload: z.unknown().describe('the JSON body sent'),
});
