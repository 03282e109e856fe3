import { describe, expect, it } from 'vitest';
import { inboundEvent } from '../../../../test/support/inbound-event.js';
import { featureWindows } from '../../../contracts/tiering/feature-params.js';
import { orderIdList, orderIds } from './order-id-list.js';
import { applyEventToInputs, inputWindows, type CustomerInputs } from './unit-inputs.js';

const w = inputWindows(
  featureWindows({ asOf: '2026-06-30', longDays: 365, shortDays: 90, unit: 'customer' }),
  365,
  'Asia/Shanghai',
);
const order = (at: string) => ({
  at: Date.parse(at),
  amount: 10_000,
  margin: 1_000,
  refunded: 0,
});
const customer: CustomerInputs = {
  customerId: 'C1',
  contractFrom: null,
  earlierLastAt: null,
  complaintsLong: 0,
  severeLong: 0,
  orders: [order('2026-05-01T02:00:00Z'), order('2026-06-01T02:00:00Z')],
  orderIds: orderIdList(['O1', 'O2']),
  invoices: [],
  disputes: [],
};
let sent = 0;
/** An event of customer C1, on the as-of day unless said otherwise. */
const on = (type: string, data: Record<string, unknown>, occurredAt = '2026-06-30T10:00:00+08:00') =>
  inboundEvent({ id: `e${++sent}`, type, occurredAt, customerId: 'C1', data });
let n = 0;
const created = (orderedAt: string, status = 'completed') =>
  on('order.created', { orderId: `N${++n}`, amount: 12.34, orderedAt, status });

describe('an event applied to a customer’s held rows', () => {
  it('keeps orders in time order, whatever order they arrive in', () => {
    const after = applyEventToInputs(customer, created('2026-05-15T00:00:00Z'), w);
    if (after === 'reload') throw new Error('reload');
    expect(orderIds(after.orderIds)).toEqual(['O1', `N${n}`, 'O2']);
    expect(after.orders.map((o) => o.at)).toEqual([
      Date.parse('2026-05-01T02:00:00Z'),
      Date.parse('2026-05-15T00:00:00Z'),
      Date.parse('2026-06-01T02:00:00Z'),
    ]);
    expect(after.orders[1]).toMatchObject({ amount: 1234, margin: null, refunded: 0 });
  });

  it('ignores what the features do not see: a cancelled order, one after the as-of day; an old one only dates the last order', () => {
    expect(applyEventToInputs(customer, created('2026-06-30T10:00:00Z', 'cancelled'), w)).toBe(customer);
    // 2026-07-01 00:30 in Shanghai is after the as-of day.
    expect(applyEventToInputs(customer, created('2026-06-30T16:30:00Z'), w)).toBe(customer);
    const old = applyEventToInputs(customer, created('2024-01-01T00:00:00Z'), w);
    expect(old).toEqual({ ...customer, earlierLastAt: Date.parse('2024-01-01T00:00:00Z') });
  });

  it('asks for the database when it cannot tell: master data, or a cancelled order outside the scan that may have been the last', () => {
    expect(applyEventToInputs(customer, on('customer.updated', { seats: 40 }), w)).toBe('reload');
    const cancelled = (orderId: string) => on('order.cancelled', { orderId });
    expect(applyEventToInputs(customer, cancelled('O1'), w)).toEqual({
      ...customer,
      orders: [customer.orders[1]],
      orderIds: orderIdList(['O2']),
    });
    expect(applyEventToInputs(customer, cancelled('OLD'), w)).toBe(customer);
    expect(applyEventToInputs({ ...customer, earlierLastAt: 0 }, cancelled('OLD'), w)).toBe('reload');
  });

  it('books a refund on the order it names, and on no other', () => {
    const refund = (orderId: string) =>
      on('refund.created', { refundId: `R-${orderId}`, orderId, amount: 12.5 }, '2026-06-20T10:00:00+08:00');
    expect(applyEventToInputs(customer, refund('O2'), w)).toEqual({
      ...customer,
      orders: [customer.orders[0], { ...customer.orders[1], refunded: 1250 }],
    });
    expect(applyEventToInputs(customer, refund('OLD'), w)).toEqual(customer);
  });
});
