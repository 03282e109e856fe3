import { z } from 'zod';
import { TAGS, TIERS } from '../tiering/tiers.js';
import { EnvelopeFields } from './envelope.js';
import { CalendarDateSchema, IdSchema } from './fields.js';

/**
 * The events stratum emits when the stream changes a customer's tier or tags. Their `data` is exactly the webhook
 * payload of the same type (TierChangedData / TagChangedData in src/domain/webhooks/event-types.ts, built in SQL
 * by src/sql/webhooks/run-events-sql.ts), so a receiver reads NATS and webhooks alike; outbound.test.ts checks
 * that the inferred types equal the domain's. The envelope adds `causedBy`: the id of the inbound event that
 * caused the change (absent when a batch run did).
 */

const ReasonSchema = z.string().nullable();

export const TierChangedDataSchema = z.strictObject({
  customerId: IdSchema,
  /** Tier before; null when the customer had none (excluded or absent). */
  from: z.enum(TIERS).nullable(),
  /** Tier after; null when the customer has none now. */
  to: z.enum(TIERS).nullable(),
  /** quota, min_score, inactive, hysteresis, override…; null when absent. */
  reason: ReasonSchema,
  /** The batch run whose score cut-offs the decision used. */
  runId: IdSchema,
  asOf: CalendarDateSchema,
});

export const TagChangedDataSchema = z.strictObject({
  customerId: IdSchema,
  tag: z.enum(TAGS),
  /** tag.added: why the tag fired; tag.removed: why it had fired before. */
  reason: ReasonSchema,
});

const OutboundEnvelope = { ...EnvelopeFields, causedBy: IdSchema.optional() };

const outboundSchema = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ ...OutboundEnvelope, type: z.literal(type), data });

export const TierChangedSchema = outboundSchema('tier.changed', TierChangedDataSchema);
export const TagAddedSchema = outboundSchema('tag.added', TagChangedDataSchema);
export const TagRemovedSchema = outboundSchema('tag.removed', TagChangedDataSchema);

export const OutboundEventSchema = z
  .discriminatedUnion('type', [TierChangedSchema, TagAddedSchema, TagRemovedSchema])
  .refine((e) => e.data.customerId === e.customerId, {
    path: ['data', 'customerId'],
    message: 'differs from the envelope customerId',
  });

export type OutboundEvent = z.output<typeof OutboundEventSchema>;
export type OutboundEventType = OutboundEvent['type'];

const OUTBOUND_TYPE_SET: Readonly<Record<OutboundEventType, true>> = {
  'tier.changed': true,
  'tag.added': true,
  'tag.removed': true,
};
export const OUTBOUND_EVENT_TYPES = Object.keys(OUTBOUND_TYPE_SET) as readonly OutboundEventType[];

export const isOutboundEventType = (type: string): type is OutboundEventType =>
  Object.hasOwn(OUTBOUND_TYPE_SET, type);
