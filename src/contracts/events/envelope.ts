import { z } from 'zod';
import { IdSchema, InstantSchema } from './fields.js';

/**
 * The envelope every event shares: {version, id, type, occurredAt, customerId, data}. `version` defaults to 1;
 * a later version of one type becomes a second member for that type (a union on `version` inside the member),
 * so old and new producers coexist on the same subjects while consumers read both.
 */
export const EVENT_VERSION = 1;

export const EnvelopeFields = {
  version: z
    .literal(EVENT_VERSION, { error: (i) => `unsupported version ${String(i.input)} (this build reads 1)` })
    .default(EVENT_VERSION),
  /** Unique per event: the idempotency key of every consumer (a redelivered event has the same id). */
  id: IdSchema,
  /** When it happened in the source system (not when it was published). */
  occurredAt: InstantSchema,
  /** The customer the event is about; also the key of ordering (events of one customer apply in order). */
  customerId: IdSchema,
};

/** One event type: the envelope with its `type` literal and a strict `data` object (a misspelt key is an error). */
export function eventSchema<T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.strictObject({ ...EnvelopeFields, type: z.literal(type), data });
}
