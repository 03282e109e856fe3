import { describe, expect, it } from 'vitest';
import type { InboundEventInput } from './inbound.js';
import { parseEvent } from './parse.js';

const envelope = { id: 'evt-1', occurredAt: '2026-03-01T09:30:00+08:00', customerId: 'C001' };

/** A valid event of each type; the tests below break one field at a time. */
const VALID: Record<string, Record<string, unknown>> = {
  'order.created': { orderId: 'O1', amount: 1234.5, grossMargin: -12.3 },
  'order.cancelled': { orderId: 'O1' },
  'refund.created': { refundId: 'R1', orderId: 'O1', amount: 20 },
  'payment.received': { invoiceId: 'I1', amount: 800, paidDate: '2026-03-01' },
  'invoice.overdue': { invoiceId: 'I1', dueDate: '2026-02-28', amount: 800 },
  'complaint.filed': { complaintId: 'K1', category: 'delivery', severity: 'high' },
  'dispute.opened': { disputeId: 'D1', amount: 50000 },
  'dispute.closed': { disputeId: 'D1', outcome: 'settled' },
  'customer.updated': { seats: 120, cuisine: null },
};

/** Per type: a broken data field and the reason parseEvent must give. */
const INVALID: Record<string, readonly [Record<string, unknown>, string]> = {
  'order.created': [{ orderId: 'O1', amount: 10.005 }, 'data.amount: 10.005 has more than 2 decimals'],
  'order.cancelled': [{}, 'data.orderId: is required'],
  'refund.created': [{ refundId: 'R1', orderId: 'O1', amount: 0 }, 'data.amount: 0 is not positive'],
  'payment.received': [
    { invoiceId: 'I1', amount: 800, paidDate: '2026-02-30' },
    'data.paidDate: must be a date YYYY-MM-DD',
  ],
  'invoice.overdue': [{ invoiceId: 'I1', dueDate: '2026-02-28', amount: -1 }, 'data.amount: -1 is negative'],
  'complaint.filed': [
    { complaintId: 'K1', category: 'rude', severity: 'high' },
    'data.category: "rude" is not one of quality, delivery, billing, service, other',
  ],
  'dispute.opened': [{ disputeId: '' }, 'data.disputeId: must not be empty'],
  'dispute.closed': [
    { disputeId: 'D1', outcome: 'open' },
    'data.outcome: "open" is not one of settled, won, lost',
  ],
  'customer.updated': [{}, 'data: names no field to update'],
};

const event = (type: string, data: unknown, over: Record<string, unknown> = {}) => ({
  ...envelope,
  type,
  data,
  ...over,
});

describe('parseEvent', () => {
  for (const [type, data] of Object.entries(VALID)) {
    it(`accepts ${type}`, () => {
      const r = parseEvent(event(type, data));
      expect(r).toMatchObject({ ok: true, event: { version: 1, type, customerId: 'C001' } });
    });
  }

  for (const [type, [data, reason]] of Object.entries(INVALID)) {
    it(`rejects a bad ${type} naming the field: ${reason}`, () => {
      expect(parseEvent(event(type, data))).toMatchObject({ ok: false, reason });
    });
  }

  it('fills the defaults: version 1, orderedAt = occurredAt, status completed', () => {
    const r = parseEvent(event('order.created', { orderId: ' O1 ', amount: '99.90' }));
    expect(r).toEqual({
      ok: true,
      event: {
        version: 1,
        ...envelope,
        type: 'order.created',
        data: { orderId: 'O1', amount: 99.9, orderedAt: envelope.occurredAt, status: 'completed' },
      },
    });
  });

  it('keeps an explicit orderedAt and status, and types the input for producers', () => {
    const input: InboundEventInput = {
      ...envelope,
      type: 'order.created',
      data: {
        orderId: 'O1',
        amount: 5,
        orderedAt: '2026-02-28T23:59:59Z',
        status: 'cancelled',
        channel: 'app',
      },
    };
    const r = parseEvent(input);
    expect(r.ok && r.event.type === 'order.created' && r.event.data).toMatchObject({
      orderedAt: '2026-02-28T23:59:59Z',
      status: 'cancelled',
      channel: 'app',
    });
  });

  it('names every faulty field of the envelope', () => {
    const r = parseEvent({
      id: 'x'.repeat(129),
      type: 'order.cancelled',
      occurredAt: '2026-03-01 09:30:00',
      data: { orderId: 'O1' },
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues).toEqual([
      { field: 'id', reason: 'must be at most 128 characters' },
      {
        field: 'occurredAt',
        reason: 'must be an ISO 8601 date-time with an offset, e.g. 2026-03-01T09:30:00+08:00',
      },
      { field: 'customerId', reason: 'is required' },
    ]);
    expect(!r.ok && r.reason).toBe(
      'id: must be at most 128 characters; occurredAt: must be an ISO 8601 date-time with an offset, e.g. 2026-03-01T09:30:00+08:00; customerId: is required',
    );
  });

  it('rejects unknown and outgoing types, a missing type, unknown fields and other versions', () => {
    const reasonOf = (input: unknown) => {
      const r = parseEvent(input);
      return r.ok ? 'ok' : r.reason;
    };
    expect(reasonOf(event('order.shipped', {}))).toMatch(
      /^type: "order.shipped" is not an event type \(expected one of order.created, /,
    );
    expect(reasonOf(event('tier.changed', {}))).toBe(
      'type: tier.changed is an event stratum emits, not one it consumes',
    );
    expect(reasonOf({ ...envelope, data: {} })).toMatch(/^type: is required: one of order.created, /);
    expect(reasonOf(event('order.cancelled', { orderId: 'O1', order_id: 'O1' }))).toBe(
      'data.order_id: unknown field',
    );
    expect(reasonOf(event('order.cancelled', { orderId: 'O1' }, { source: 'oms' }))).toBe(
      'source: unknown field',
    );
    expect(reasonOf(event('order.cancelled', { orderId: 'O1' }, { version: 2 }))).toBe(
      'version: unsupported version 2 (this build reads 1)',
    );
    expect(reasonOf(event('order.cancelled', 'O1'))).toBe('data: must be an object');
    expect(reasonOf(null)).toBe('event: must be a JSON object');
    expect(reasonOf([1])).toBe('event: must be a JSON object');
  });

  it('applies the money rules: finite, at most 2 decimals, not above a trillion, decimal strings allowed', () => {
    const amount = (a: unknown) => {
      const r = parseEvent(event('order.created', { orderId: 'O1', amount: a }));
      return r.ok ? (r.event.type === 'order.created' ? r.event.data.amount : 'wrong type') : r.reason;
    };
    expect(amount(0.1 + 0.2)).toBe('data.amount: 0.30000000000000004 has more than 2 decimals');
    expect(amount(19.99)).toBe(19.99);
    expect(amount(123456789012.34)).toBe(123456789012.34);
    expect(amount('0.30')).toBe(0.3);
    expect(amount(-0)).toBe(0);
    expect(amount('1,000')).toBe('data.amount: "1,000" is not a number of yuan');
    expect(amount(Number.POSITIVE_INFINITY)).toBe('data.amount: Infinity is not a number of yuan');
    expect(amount(2e12)).toBe('data.amount: 2000000000000 is above 1000000000000');
    expect(amount(true)).toBe('data.amount: must be a number of yuan');
    expect(amount(undefined)).toBe('data.amount: is required');
  });

  it('checks customer.updated fields against the customers columns', () => {
    const reasonOf = (data: unknown) => {
      const r = parseEvent(event('customer.updated', data));
      return r.ok ? 'ok' : r.reason;
    };
    expect(reasonOf({ name: '老王川菜', customerType: 'chain', chainId: 'B1', lat: 30.6, lon: 104.1 })).toBe(
      'ok',
    );
    expect(reasonOf({ seats: -1 })).toBe('data.seats: must not be negative');
    expect(reasonOf({ seats: 1.5 })).toBe('data.seats: must be a whole number');
    expect(reasonOf({ lat: 91 })).toBe('data.lat: must be at most 90');
    expect(reasonOf({ name: null })).toBe('data.name: must be a string');
    expect(reasonOf({ customerType: 'franchise' })).toBe(
      'data.customerType: "franchise" is not one of chain, single',
    );
    expect(reasonOf({ seat: 3 })).toBe('data.seat: unknown field; data: names no field to update');
  });
});
