import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoDatabase } from '../../../test/support/demo-database.js';
import { describeEachEngine, TEST_TZ } from '../../../test/support/engines.js';
import { inboundEvent } from '../../../test/support/inbound-event.js';
import { rowDifferences } from '../../../test/support/value-difference.js';
import type { InboundEvent } from '../../contracts/events/inbound.js';
import { featureWindows, type FeatureParams } from '../../contracts/tiering/feature-params.js';
import { featureVectorOf } from '../../contracts/tiering/features.js';
import { PIPELINE_TABLES } from '../../contracts/tiering/pipeline-tables.js';
import { addDays } from '../../contracts/time/iso-date.js';
import { unitFeatureVector } from '../../domain/tiering/stream/unit-features.js';
import { applyEventsToUnit, inputWindows, type UnitInputs } from '../../domain/tiering/stream/unit-inputs.js';
import type { Engine, Row, SqlSession } from '../../engines/engine.js';
import { defaultEnd } from '../generate/generate-options.js';
import { computeFeatures } from '../tiering/compute-features.js';
import { applyEvents } from './apply-events.js';
import { inOnePage, loadUnitInputs } from './load-unit-inputs.js';

const byId = (rows: Row[]) => new Map(rows.map((r) => [String(r.customer_id), r]));

/** Every unit's features from its inputs, against the batch computation's row of the unit. */
function differences(
  units: ReadonlyMap<string, UnitInputs>,
  full: ReadonlyMap<string, Row>,
  params: FeatureParams,
) {
  const w = inputWindows(featureWindows(params), params.longDays, TEST_TZ);
  return [...units.values()].flatMap((u) =>
    rowDifferences(
      unitFeatureVector(u, w),
      featureVectorOf(full.get(u.unitId) ?? { customer_id: u.unitId }),
    ).map((d) => `${u.unitId} ${d}`),
  );
}

describeEachEngine('the order stream’s unit inputs', (kind) => {
  let engine: Engine;
  const asOf = defaultEnd();
  const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
  beforeAll(async () => {
    ({ engine } = await demoDatabase(400, 14, 11, kind));
  });
  afterAll(async () => engine.close());

  const one = async (tx: SqlSession, query: string) => (await tx.all(query))[0] as Row;

  /** Events of every kind over customers with rows of every kind (merged duplicates and chain branches among them). */
  async function eventsOver(tx: SqlSession): Promise<InboundEvent[]> {
    // One recent completed order of each of four customers.
    const orders = await tx.all(
      `SELECT min(o.order_id) AS order_id, o.customer_id FROM orders o
       JOIN customer_survivors s ON s.customer_id = o.customer_id AND NOT s.merged
       WHERE o.status = 'completed' AND o.ordered_at >= CAST(DATE '${addDays(asOf, -60)}' AS TIMESTAMPTZ)
       GROUP BY o.customer_id ORDER BY 1 LIMIT 4`,
    );
    const invoice = await one(
      tx,
      `SELECT invoice_id, customer_id, amount FROM invoices WHERE paid_date IS NULL ORDER BY invoice_id LIMIT 1`,
    );
    const paid = await one(
      tx,
      `SELECT invoice_id, customer_id FROM invoices WHERE paid_date IS NOT NULL ORDER BY invoice_id LIMIT 1`,
    );
    const dispute = await one(
      tx,
      `SELECT dispute_id, customer_id FROM disputes WHERE status = 'open' ORDER BY dispute_id LIMIT 1`,
    );
    const merged = await one(
      tx,
      'SELECT customer_id FROM customer_survivors WHERE merged ORDER BY customer_id LIMIT 1',
    );
    const branch = await one(
      tx,
      `SELECT customer_id FROM customers_clean WHERE customer_type = 'chain' ORDER BY customer_id LIMIT 1`,
    );
    const quiet = await one(
      tx,
      'SELECT customer_id FROM orders_clean GROUP BY customer_id ORDER BY max(ordered_at), customer_id LIMIT 1',
    );
    const [o1, o2, o3, o4] = orders.map((r) => ({
      orderId: String(r.order_id),
      customerId: String(r.customer_id),
    }));
    const picked = { o1, o2, o3, o4, invoice, paid, dispute, merged, branch, quiet };
    const missing = Object.entries(picked).filter(([, v]) => v === undefined);
    if (!o1 || !o2 || !o3 || !o4 || !invoice || !paid || !dispute || !merged || !branch || !quiet)
      throw new Error(`the demo lacks rows the test needs: ${missing.map(([k]) => k).join(', ')}`);
    const id = (n: number) => `unit-inputs-${n}`;
    const events: Record<string, unknown>[] = [
      {
        type: 'order.created',
        customerId: o1.customerId,
        data: { orderId: 'UI-1', amount: 812.3, grossMargin: 90.15 },
      },
      {
        type: 'order.created',
        customerId: o1.customerId,
        occurredAt: at(addDays(asOf, -40)),
        data: { orderId: 'UI-2', amount: 77.7 },
      },
      {
        type: 'order.created',
        customerId: o2.customerId,
        data: { orderId: 'UI-3', amount: 50, status: 'cancelled' },
      },
      {
        type: 'order.created',
        customerId: o2.customerId,
        occurredAt: at(addDays(asOf, 3)),
        data: { orderId: 'UI-4', amount: 999 },
      },
      {
        type: 'order.created',
        customerId: String(quiet.customer_id),
        data: { orderId: 'UI-5', amount: 1500, grossMargin: -20 },
      },
      {
        type: 'order.created',
        customerId: String(merged.customer_id),
        data: { orderId: 'UI-6', amount: 2400.4, grossMargin: 300 },
      },
      {
        type: 'order.created',
        customerId: String(branch.customer_id),
        data: { orderId: 'UI-7', amount: 640, grossMargin: 64 },
      },
      {
        type: 'refund.created',
        customerId: o1.customerId,
        data: { refundId: 'UI-R1', orderId: 'UI-1', amount: 12.3 },
      },
      {
        type: 'refund.created',
        customerId: o3.customerId,
        data: { refundId: 'UI-R2', orderId: o3.orderId, amount: 33.33 },
      },
      { type: 'order.cancelled', customerId: o4.customerId, data: { orderId: o4.orderId } },
      { type: 'order.cancelled', customerId: o1.customerId, data: { orderId: 'UI-2' } },
      // Two payments of one invoice in one batch: the amounts add up, the last date stands.
      {
        type: 'payment.received',
        customerId: String(invoice.customer_id),
        data: {
          invoiceId: String(invoice.invoice_id),
          amount: Math.round(Number(invoice.amount) * 50) / 100,
          paidDate: addDays(asOf, -1),
        },
      },
      {
        type: 'payment.received',
        customerId: String(invoice.customer_id),
        data: {
          invoiceId: String(invoice.invoice_id),
          amount: Math.round(Number(invoice.amount) * 25) / 100,
          paidDate: asOf,
        },
      },
      {
        type: 'payment.received',
        customerId: String(paid.customer_id),
        data: { invoiceId: String(paid.invoice_id), amount: 10, paidDate: asOf },
      },
      {
        type: 'invoice.overdue',
        customerId: String(invoice.customer_id),
        data: { invoiceId: String(invoice.invoice_id), dueDate: asOf, amount: 1 },
      },
      {
        type: 'complaint.filed',
        customerId: o2.customerId,
        data: { complaintId: 'UI-C1', category: 'quality', severity: 'high' },
      },
      {
        type: 'complaint.filed',
        customerId: String(merged.customer_id),
        data: { complaintId: 'UI-C2', category: 'delivery', severity: 'low' },
      },
      {
        type: 'dispute.closed',
        customerId: String(dispute.customer_id),
        data: { disputeId: String(dispute.dispute_id), outcome: 'settled' },
      },
      { type: 'dispute.opened', customerId: o3.customerId, data: { disputeId: 'UI-D1', amount: 500 } },
      {
        type: 'dispute.opened',
        customerId: String(branch.customer_id),
        occurredAt: at(addDays(asOf, 1)),
        data: { disputeId: 'UI-D2' },
      },
    ];
    return events.map((e, i) => inboundEvent({ id: id(i), occurredAt: at(asOf, `0${i % 10}:00:00`), ...e }));
  }

  for (const unit of ['customer', 'chain'] as const) {
    it(`give every ${unit}'s features as the batch computation does, before events and after them in memory`, async () => {
      const params: FeatureParams = { asOf, longDays: 365, shortDays: 90, unit };
      const d = engine.dialect;
      // Rolled back at the end: each case starts from the same data.
      const rollback = new Error('rollback');
      await engine
        .transaction(async (tx) => {
          await computeFeatures(tx, d, params);
          const before = (await loadUnitInputs(inOnePage(tx), d, params, null)).inputs;
          expect(before.size).toBe(
            Number((await one(tx, `SELECT count(*) AS n FROM ${PIPELINE_TABLES.features}`)).n),
          );
          expect(
            differences(before, byId(await tx.all(`SELECT * FROM ${PIPELINE_TABLES.features}`)), params),
          ).toEqual([]);

          const events = await eventsOver(tx);
          const applied = await applyEvents(tx, d, events, new Date());
          expect(applied.rejected).toEqual([]);
          const paid = events.filter((e) => e.type === 'payment.received');
          const [invoice] = await tx.all({
            sql: 'SELECT paid_date, paid_amount, amount FROM invoices WHERE invoice_id = $1',
            params: [paid[0]!.data.invoiceId],
          });
          expect(invoice?.paid_date).toBe(asOf);
          expect(Number(invoice?.paid_amount)).toBeCloseTo(Number(invoice?.amount) * 0.75, 1);
          await computeFeatures(tx, d, params);
          const full = byId(await tx.all(`SELECT * FROM ${PIPELINE_TABLES.features}`));
          const w = inputWindows(featureWindows(params), params.longDays, TEST_TZ);
          const eventsOf = new Map<string, InboundEvent[]>();
          for (const { survivorId, event } of applied.changes)
            eventsOf.set(survivorId, [...(eventsOf.get(survivorId) ?? []), event]);
          const inMemory = new Map([...before].map(([id, u]) => [id, applyEventsToUnit(u, eventsOf, w)]));
          expect([...inMemory.values()].filter((u) => u === 'reload')).toEqual([]);
          expect(differences(inMemory as Map<string, UnitInputs>, full, params)).toEqual([]);
          // The features the events changed did change (the comparison is not of two unchanged states).
          const changedUnits = [...inMemory].filter(
            ([id, u]) =>
              JSON.stringify(unitFeatureVector(u as UnitInputs, w)) !==
              JSON.stringify(unitFeatureVector(before.get(id)!, w)),
          );
          expect(changedUnits.length).toBeGreaterThanOrEqual(6);

          // Read again for the touched customers only, in the transaction that wrote the events.
          const touched = [...eventsOf.keys()];
          const some = (await loadUnitInputs(inOnePage(tx), d, params, touched)).inputs;
          expect([...some.keys()].sort()).toEqual(
            [
              ...new Set(
                touched.map(
                  (c) =>
                    [...before.values()].find((u) => u.customers.some((x) => x.customerId === c))!.unitId,
                ),
              ),
            ].sort(),
          );
          expect(differences(some, full, params)).toEqual([]);
          throw rollback;
        })
        .catch((error: unknown) => {
          if (error !== rollback) throw error;
        });
    });
  }
});
