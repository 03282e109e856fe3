import type { InboundEvent } from '../../../contracts/events/inbound.js';
import { parseEvent, type EventIssue } from '../../../contracts/events/parse.js';

/** An event of a request that parseEvent refused: where it was in the request, its id if it had one, why. */
export interface InvalidEvent {
  readonly index: number;
  readonly id: string | null;
  readonly issues: readonly EventIssue[];
}

export type ParsedEvents =
  | { readonly ok: true; readonly events: readonly InboundEvent[] }
  | { readonly ok: false; readonly invalid: readonly InvalidEvent[] };

/** Every event of a request, or every invalid one: a request is published whole or not at all. */
export function parseEvents(inputs: readonly unknown[]): ParsedEvents {
  const events: InboundEvent[] = [];
  const invalid: InvalidEvent[] = [];
  inputs.forEach((input, index) => {
    const result = parseEvent(input);
    if (result.ok) events.push(result.event);
    else invalid.push({ index, id: rawId(input), issues: result.issues });
  });
  return invalid.length === 0 ? { ok: true, events } : { ok: false, invalid };
}

function rawId(input: unknown): string | null {
  const id: unknown =
    typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}

const LISTED_IN_MESSAGE = 5;

/** `events[3] (id oms-9): data.amount: -1 is negative; …`, the first few; the error's details hold them all. */
export function describeInvalid(invalid: readonly InvalidEvent[], total: number): string {
  const lines = invalid.slice(0, LISTED_IN_MESSAGE).map((e) => {
    const issues = e.issues.map((i) => `${i.field}: ${i.reason}`).join(', ');
    return `events[${e.index}] (${e.id === null ? 'no id' : `id ${e.id}`}): ${issues}`;
  });
  const more = invalid.length - lines.length;
  const verb = invalid.length === 1 ? 'is' : 'are';
  const head = `${invalid.length} of ${total} event${total === 1 ? '' : 's'} ${verb} invalid, none was published`;
  return `${head}: ${lines.join('; ')}${more > 0 ? `; and ${more} more (details.events)` : ''}`;
}
