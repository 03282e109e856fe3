import type { InboundEvent } from '../../src/contracts/events/inbound.js';
import { parseEvent } from '../../src/contracts/events/parse.js';

/** A valid inbound event from its JSON form (with the defaults parseEvent fills in); throws when it is invalid. */
export function inboundEvent(input: Record<string, unknown>): InboundEvent {
  const parsed = parseEvent(input);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.event;
}
