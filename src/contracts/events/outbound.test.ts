import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { TagChangedData, TierChangedData } from '../../domain/webhooks/event-types.js';
import type { TagChangedDataSchema, TierChangedDataSchema } from './outbound.js';
import { parseOutboundEvent } from './parse.js';

const tierChanged = {
  id: 'out-1',
  type: 'tier.changed',
  occurredAt: '2026-03-01T01:30:00.000Z',
  customerId: 'C001',
  causedBy: 'evt-1',
  data: {
    customerId: 'C001',
    from: 'gold',
    to: 'platinum',
    reason: 'quota',
    runId: 'run-7',
    asOf: '2026-03-01',
  },
};

describe('outbound events', () => {
  it('carry exactly the webhook payloads', () => {
    expectTypeOf<z.output<typeof TierChangedDataSchema>>().toEqualTypeOf<{
      -readonly [K in keyof TierChangedData]: TierChangedData[K];
    }>();
    expectTypeOf<z.output<typeof TagChangedDataSchema>>().toEqualTypeOf<{
      -readonly [K in keyof TagChangedData]: TagChangedData[K];
    }>();
  });

  it('parse tier.changed, tag.added and tag.removed', () => {
    expect(parseOutboundEvent(tierChanged)).toMatchObject({
      ok: true,
      event: { version: 1, causedBy: 'evt-1' },
    });
    const tag = { customerId: 'C001', tag: 'high_risk', reason: 'invoice I1 overdue' };
    for (const type of ['tag.added', 'tag.removed'])
      expect(parseOutboundEvent({ ...tierChanged, type, data: tag })).toMatchObject({
        ok: true,
        event: { type },
      });
  });

  it('name the faulty field', () => {
    const reasonOf = (input: unknown) => {
      const r = parseOutboundEvent(input);
      return r.ok ? 'ok' : r.reason;
    };
    expect(reasonOf({ ...tierChanged, data: { ...tierChanged.data, to: 'diamond' } })).toMatch(/^data\.to: /);
    expect(reasonOf({ ...tierChanged, data: { ...tierChanged.data, customerId: 'C002' } })).toBe(
      'data.customerId: differs from the envelope customerId',
    );
    expect(reasonOf({ ...tierChanged, type: 'order.created' })).toMatch(
      /^type: "order.created" is not an outgoing event type/,
    );
  });
});
