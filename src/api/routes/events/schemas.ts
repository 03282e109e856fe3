import { z } from 'zod';
import { INBOUND_EVENT_TYPES } from '../../../contracts/events/inbound.js';

export const MAX_EVENTS_PER_REQUEST = 1000;

/**
 * One event as sent. Every field is accepted as anything here: parseEvent checks them all and names each field's
 * problem, where this schema could only report the first one. `required` is there for the OpenAPI document.
 */
const EventBodySchema = z
  .looseObject({
    version: z.unknown().optional().describe('1 (the default)'),
    id: z.unknown().optional().describe('unique per event, 1–128 characters: the idempotency key'),
    type: z
      .unknown()
      .optional()
      .describe(`one of ${INBOUND_EVENT_TYPES.join(', ')}`),
    occurredAt: z
      .unknown()
      .optional()
      .describe('when it happened: ISO 8601 with an offset, e.g. 2026-03-01T09:30:00+08:00'),
    customerId: z.unknown().optional().describe('the customer (customers.customer_id): the key of ordering'),
    data: z.unknown().optional().describe("the type's fields (docs/stream.md)"),
  })
  .meta({ required: ['id', 'type', 'occurredAt', 'customerId', 'data'], description: 'One event' });

const BatchBodySchema = z.strictObject({
  events: z.array(EventBodySchema).min(1).max(MAX_EVENTS_PER_REQUEST).describe('published in this order'),
});

// Without the refinement a batch with too many (or no) events would pass as one malformed event.
const SingleBodySchema = EventBodySchema.refine((body) => !('events' in body));

/** One event or a batch, read as the list of events to publish (still unparsed). */
export const PublishEventsBodySchema = z.union(
  [BatchBodySchema.transform((batch) => batch.events), SingleBodySchema.transform((event) => [event])],
  { error: `must be one event object or {"events": [...]} with 1 to ${MAX_EVENTS_PER_REQUEST} events` },
);

export const PublishEventsResponseSchema = z.object({
  accepted: z.number().int().describe('events of the request, all stored (duplicates included)'),
  duplicates: z.number().int().describe('of which the stream had already stored within its duplicate window'),
  events: z.array(
    z.object({
      id: z.string(),
      seq: z.number().int().describe('position in the stream (of the earlier copy for a duplicate)'),
      duplicate: z.boolean(),
    }),
  ),
});
