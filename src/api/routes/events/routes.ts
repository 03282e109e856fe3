import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { stratumError } from '../../../contracts/errors.js';
import { describeInvalid, parseEvents } from './parse-events.js';
import { MAX_EVENTS_PER_REQUEST, PublishEventsBodySchema, PublishEventsResponseSchema } from './schemas.js';

/**
 * A full batch must fit: most events take a few hundred bytes, but a customer.updated with long Chinese names and
 * addresses takes a few KiB, more than the app's 1 MiB allows for 1000 of them.
 */
const EVENTS_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/** Events from other systems (OMS, ERP, CRM) onto the event stream, for producers that speak HTTP, not NATS. */
export const eventsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/',
    {
      preHandler: app.requirePermission('data.import'),
      bodyLimit: EVENTS_BODY_LIMIT_BYTES,
      schema: {
        tags: ['events'],
        summary: 'Publish events to the event stream',
        description:
          `One event, or {"events": [...]} with 1 to ${MAX_EVENTS_PER_REQUEST} events published in their order ` +
          '(docs/stream.md). If any event is invalid nothing is published: 400 EVENTS_INVALID lists each by index ' +
          'and id with its fields. An id the stream stored within its duplicate window is not stored again ' +
          '(`duplicate`), so a retry is harmless. 503 STREAM_UNAVAILABLE when the server has no event stream or ' +
          'it failed, with how many events were published before.',
        body: PublishEventsBodySchema,
        response: { 202: PublishEventsResponseSchema },
      },
    },
    async (request, reply) => {
      const { bus } = app.deps;
      if (!bus)
        throw stratumError('STREAM_UNAVAILABLE', 'this server runs without an event stream', {
          published: 0,
        });
      const parsed = parseEvents(request.body);
      if (!parsed.ok)
        throw stratumError('EVENTS_INVALID', describeInvalid(parsed.invalid, request.body.length), {
          events: parsed.invalid.map((e) => ({ ...e, issues: [...e.issues] })),
        });

      const published: { id: string; seq: number; duplicate: boolean }[] = [];
      const duplicates = () => published.filter((e) => e.duplicate).length;
      const audit = () =>
        app.audit(request, {
          action: 'events.published',
          details: { count: published.length, duplicates: duplicates() },
        });
      try {
        // One after the other: a customer's events must reach the stream in the order they were sent.
        for (const event of parsed.events) {
          const ack = await bus.publish(event);
          published.push({ id: event.id, seq: ack.seq, duplicate: ack.duplicate });
        }
      } catch (error) {
        request.log.error({ err: error }, 'publishing events failed');
        if (published.length > 0) await audit();
        throw stratumError(
          'STREAM_UNAVAILABLE',
          `the event stream failed after ${published.length} of ${parsed.events.length} events were published ` +
            '(they stay published, in order): sending the same events again is harmless, the stream recognises ' +
            'the ids it stored within its duplicate window',
          { published: published.length },
        );
      }
      await audit();
      return reply
        .status(202)
        .send({ accepted: published.length, duplicates: duplicates(), events: published });
    },
  );
};
