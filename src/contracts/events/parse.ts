import type { z } from 'zod';
import { INBOUND_EVENT_TYPES, InboundEventSchema, isInboundEventType, type InboundEvent } from './inbound.js';
import {
  OUTBOUND_EVENT_TYPES,
  OutboundEventSchema,
  isOutboundEventType,
  type OutboundEvent,
} from './outbound.js';

/** One thing wrong with an event, like the import validators' row issues: the field's path and why. */
export interface EventIssue {
  /** Dotted path, e.g. `data.amount`; `event` for the message as a whole. */
  readonly field: string;
  readonly reason: string;
}

export type EventParseResult<E> =
  | { readonly ok: true; readonly event: E }
  | {
      readonly ok: false;
      /** Every issue as `field: reason`, joined by "; " (what a dead letter and an HTTP 400 carry). */
      readonly reason: string;
      readonly issues: readonly EventIssue[];
    };

/** An event stratum consumes (HTTP, NATS, the in-process bus): the event with defaults, or why not. */
export function parseEvent(input: unknown): EventParseResult<InboundEvent> {
  const type = typeOf(input);
  if (type !== undefined && !isInboundEventType(type))
    return failed([
      {
        field: 'type',
        reason: isOutboundEventType(type)
          ? `${type} is an event stratum emits, not one it consumes`
          : `${JSON.stringify(type)} is not an event type (expected one of ${INBOUND_EVENT_TYPES.join(', ')})`,
      },
    ]);
  return fromZod(InboundEventSchema.safeParse(input), INBOUND_EVENT_TYPES);
}

/** An event stratum emits (tier.changed, tag.added, tag.removed), as a receiver reads it. */
export function parseOutboundEvent(input: unknown): EventParseResult<OutboundEvent> {
  const type = typeOf(input);
  if (type !== undefined && !isOutboundEventType(type))
    return failed([
      {
        field: 'type',
        reason: `${JSON.stringify(type)} is not an outgoing event type (expected one of ${OUTBOUND_EVENT_TYPES.join(', ')})`,
      },
    ]);
  return fromZod(OutboundEventSchema.safeParse(input), OUTBOUND_EVENT_TYPES);
}

/** The `type` of an object whose type is a string; undefined otherwise (zod then reports the problem). */
function typeOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const type: unknown = (input as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}

function fromZod<E>(result: z.ZodSafeParseResult<E>, types: readonly string[]): EventParseResult<E> {
  return result.success
    ? { ok: true, event: result.data }
    : failed(result.error.issues.flatMap((issue) => toIssues(issue, types)));
}

function failed(issues: EventIssue[]): EventParseResult<never> {
  return { ok: false, reason: issues.map((i) => `${i.field}: ${i.reason}`).join('; '), issues };
}

const DEFAULT_TYPE_MESSAGE = /^Invalid input: expected (\w+), received (\w+)$/;

function toIssues(issue: z.core.$ZodIssue, types: readonly string[]): EventIssue[] {
  const field = issue.path.length === 0 ? 'event' : issue.path.map(String).join('.');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        field: field === 'event' ? key : `${field}.${key}`,
        reason: 'unknown field',
      }));
    case 'invalid_union':
      // The discriminator: `type` missing or not a string (an unknown string is caught before zod).
      return issue.path.join('.') === 'type'
        ? [{ field, reason: `is required: one of ${types.join(', ')}` }]
        : [{ field, reason: issue.message }];
    case 'invalid_type': {
      // zod's own wording, for the fields whose schema has no message of its own.
      const m = DEFAULT_TYPE_MESSAGE.exec(issue.message);
      if (!m) return [{ field, reason: issue.message }];
      if (m[2] === 'undefined') return [{ field, reason: 'is required' }];
      return [
        { field, reason: field === 'event' ? 'must be a JSON object' : `must be ${article(m[1] ?? '')}` },
      ];
    }
    default:
      return [{ field, reason: issue.message }];
  }
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);
