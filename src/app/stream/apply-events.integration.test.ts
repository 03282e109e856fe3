import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoDatabase } from '../../../test/support/demo-database.js';
import { inboundEvent } from '../../../test/support/inbound-event.js';
import { describeEachEngine } from '../../../test/support/engines.js';
import type { Engine } from '../../engines/engine.js';
import { applyEvents } from './apply-events.js';

const event = inboundEvent;

describeEachEngine('applying stream events', (kind) => {
  let engine: Engine;
  let customerId: string;
  let invoiceId: string;
  let duplicateId: string;
  let survivorId: string;
  beforeAll(async () => {
    ({ engine } = await demoDatabase(200, 3, 11, kind));
    const [invoice] = await engine.all(
      `SELECT i.invoice_id, i.customer_id FROM invoices i
       JOIN customer_survivors s ON s.customer_id = i.customer_id AND NOT s.merged
       ORDER BY i.invoice_id LIMIT 1`,
    );
    customerId = String(invoice!.customer_id);
    invoiceId = String(invoice!.invoice_id);
    const [merged] = await engine.all(
      'SELECT customer_id, survivor_id FROM customer_survivors WHERE merged ORDER BY customer_id LIMIT 1',
    );
    duplicateId = String(merged!.customer_id);
    survivorId = String(merged!.survivor_id);
  });
  afterAll(async () => engine.close());

  const at = '2026-11-20T10:00:00+08:00';
  const count = async (query: string, params: string[]) =>
    Number((await engine.all({ sql: query, params }))[0]!.n);

  it('writes each event as the rows an import would, once however often it comes, and rejects what does not fit', async () => {
    const orderCreated = event({
      id: 'ev-1',
      type: 'order.created',
      occurredAt: at,
      customerId,
      data: { orderId: 'STREAM-O1', amount: 1234.5, grossMargin: 200 },
    });
    const batch = [
      orderCreated,
      event({
        id: 'ev-2',
        type: 'refund.created',
        occurredAt: at,
        customerId,
        data: { refundId: 'STREAM-R1', orderId: 'STREAM-O1', amount: 100 },
      }),
      event({
        id: 'ev-3',
        type: 'payment.received',
        occurredAt: at,
        customerId,
        data: { invoiceId, amount: 50, paidDate: '2026-11-20' },
      }),
      event({
        id: 'ev-4',
        type: 'complaint.filed',
        occurredAt: at,
        customerId,
        data: { complaintId: 'STREAM-K1', category: 'delivery', severity: 'high' },
      }),
      event({
        id: 'ev-5',
        type: 'dispute.opened',
        occurredAt: at,
        customerId,
        data: { disputeId: 'STREAM-D1', amount: 800 },
      }),
      event({
        id: 'ev-6',
        type: 'dispute.closed',
        occurredAt: '2026-11-21T09:00:00+08:00',
        customerId,
        data: { disputeId: 'STREAM-D1', outcome: 'settled' },
      }),
      event({ id: 'ev-7', type: 'customer.updated', occurredAt: at, customerId, data: { seats: 88 } }),
      event({
        id: 'ev-8',
        type: 'order.created',
        occurredAt: at,
        customerId: duplicateId,
        data: { orderId: 'STREAM-O2', amount: 10 },
      }),
      event({
        id: 'ev-9',
        type: 'order.cancelled',
        occurredAt: at,
        customerId,
        data: { orderId: 'STREAM-O2' },
      }),
      event({
        id: 'ev-10',
        type: 'order.created',
        occurredAt: at,
        customerId: 'NOBODY',
        data: { orderId: 'STREAM-O3', amount: 10 },
      }),
      event({
        id: 'ev-11',
        type: 'order.created',
        occurredAt: at,
        customerId,
        data: { orderId: 'STREAM-O1', amount: 10 },
      }),
      event({
        id: 'ev-12',
        type: 'customer.updated',
        occurredAt: at,
        customerId,
        data: { city: '火星', district: '一区' },
      }),
      orderCreated,
    ];
    const result = await engine.transaction((tx) => applyEvents(tx, engine.dialect, batch, new Date()));
    expect(result.applied).toEqual(['ev-1', 'ev-2', 'ev-3', 'ev-4', 'ev-5', 'ev-6', 'ev-7', 'ev-8']);
    expect(result.duplicates).toEqual(['ev-1']);
    expect(result.rejected).toEqual([
      { eventId: 'ev-9', reason: `no order STREAM-O2 of ${customerId}` },
      { eventId: 'ev-10', reason: 'unknown customer NOBODY' },
      { eventId: 'ev-11', reason: 'order STREAM-O1 exists already' },
      { eventId: 'ev-12', reason: 'no region 火星 一区' },
    ]);
    // Each survivor is caused by its last event: the customer's ev-7, the duplicate's ev-8 for its survivor.
    expect(result.customers).toEqual(
      [
        { customerId, lastEventId: 'ev-7' },
        { customerId: survivorId, lastEventId: 'ev-8' },
      ].sort((a, b) => (a.customerId < b.customerId ? -1 : 1)),
    );
    // The applied events in order, the duplicate's under its survivor.
    expect(result.changes.map((c) => [c.event.id, c.survivorId])).toEqual([
      ...['ev-1', 'ev-2', 'ev-3', 'ev-4', 'ev-5', 'ev-6', 'ev-7'].map((id) => [id, customerId]),
      ['ev-8', survivorId],
    ]);

    expect(
      await engine.all({
        sql: `SELECT customer_id, amount, gross_margin, status, CAST(ordered_at AS DATE) AS day FROM orders WHERE order_id = $1`,
        params: ['STREAM-O1'],
      }),
    ).toEqual([
      { customer_id: customerId, amount: 1234.5, gross_margin: 200, status: 'completed', day: '2026-11-20' },
    ]);
    expect(
      await count('SELECT count(*) AS n FROM refunds_clean WHERE refund_id = $1 AND customer_id = $2', [
        'STREAM-R1',
        customerId,
      ]),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM invoices WHERE invoice_id = $1 AND paid_date = DATE '2026-11-20'`,
        [invoiceId],
      ),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM disputes WHERE dispute_id = $1 AND status = 'settled' AND closed_date = DATE '2026-11-21'`,
        ['STREAM-D1'],
      ),
    ).toBe(1);
    expect(
      await count('SELECT count(*) AS n FROM customers WHERE customer_id = $1 AND seats = 88', [customerId]),
    ).toBe(1);
    // The duplicate's order counts for its survivor, as an imported one would.
    expect(
      await count('SELECT count(*) AS n FROM orders_clean WHERE order_id = $1 AND customer_id = $2', [
        'STREAM-O2',
        survivorId,
      ]),
    ).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM stream_events WHERE outcome = 'rejected'`, [])).toBe(4);

    const again = await engine.transaction((tx) =>
      applyEvents(tx, engine.dialect, batch.slice(0, 3), new Date()),
    );
    expect(again).toEqual({
      applied: [],
      duplicates: ['ev-1', 'ev-2', 'ev-3'],
      rejected: [],
      customers: [],
      changes: [],
    });
    expect(await count('SELECT count(*) AS n FROM orders WHERE order_id = $1', ['STREAM-O1'])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM stream_events', [])).toBe(12);
  });

  it("adds up a batch's payments of one invoice and keeps the last one's date, as one by one", async () => {
    // Another invoice than the one the first test paid.
    const [invoice] = await engine.all({
      sql: `SELECT i.invoice_id, i.customer_id, COALESCE(i.paid_amount, 0) AS paid FROM invoices i
       JOIN customer_survivors s ON s.customer_id = i.customer_id AND NOT s.merged
       WHERE i.invoice_id <> $1 ORDER BY i.invoice_id LIMIT 1`,
      params: [invoiceId],
    });
    const payment = (id: string, amount: number, paidDate: string) =>
      event({
        id,
        type: 'payment.received',
        occurredAt: at,
        customerId: String(invoice!.customer_id),
        data: { invoiceId: String(invoice!.invoice_id), amount, paidDate },
      });
    const result = await engine.transaction((tx) =>
      applyEvents(
        tx,
        engine.dialect,
        [payment('pay-1', 30.1, '2026-11-22'), payment('pay-2', 20.05, '2026-11-21')],
        new Date(),
      ),
    );
    expect(result.applied).toEqual(['pay-1', 'pay-2']);
    const fen = (yuan: unknown) => Math.round(Number(yuan) * 100);
    const [after] = await engine.all({
      sql: `SELECT paid_amount, CAST(paid_date AS VARCHAR) AS paid_date FROM invoices WHERE invoice_id = $1`,
      params: [String(invoice!.invoice_id)],
    });
    expect(fen(after!.paid_amount)).toBe(fen(invoice!.paid) + 3010 + 2005);
    expect(after!.paid_date).toBe('2026-11-21');
  });
});
