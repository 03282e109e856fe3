import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoDatabase } from '../../../test/support/demo-database.js';
import { describeEachEngine, TEST_TZ } from '../../../test/support/engines.js';
import { inboundEvent } from '../../../test/support/inbound-event.js';
import { valueDifference } from '../../../test/support/value-difference.js';
import type { InboundEvent } from '../../contracts/events/inbound.js';
import { FEATURE_NAMES } from '../../contracts/tiering/features.js';
import { PIPELINE_TABLES } from '../../contracts/tiering/pipeline-tables.js';
import { addDays } from '../../contracts/time/iso-date.js';
import type { Engine } from '../../engines/engine.js';
import { cleanDatabase } from '../clean/clean-database.js';
import { defaultEnd } from '../generate/generate-options.js';
import { computeFeatures } from '../tiering/compute-features.js';
import { loadTieringConfig } from '../tiering/load-config.js';
import { runTiering } from '../tiering/run-tiering.js';
import { createStreamProcessor, type StreamProcessor } from './stream-processor.js';

describeEachEngine('the stream worker’s units in memory', (kind) => {
  let engine: Engine;
  let customers: string[];
  let invoiceId: string;
  const asOf = defaultEnd();
  const day = addDays(asOf, 1);
  const now = new Date(`${day}T12:00:00+08:00`);
  let n = 0;
  const processor = (): StreamProcessor =>
    createStreamProcessor({ engine, timeZone: TEST_TZ, publish: async () => undefined, now: () => now });
  const handle = (p: StreamProcessor, e: InboundEvent) =>
    p.handle(e, { subject: 'test', seq: n, deliveryCount: 1 });
  const order = (customerId: string): InboundEvent =>
    inboundEvent({
      id: `held-${++n}`,
      type: 'order.created',
      occurredAt: `${day}T09:${String(n).padStart(2, '0')}:00+08:00`,
      customerId,
      data: { orderId: `HELD-${n}`, amount: 1000 * n + 0.37, grossMargin: 90 * n },
    });

  beforeAll(async () => {
    ({ engine } = await demoDatabase(300, 6, 29, kind));
    await runTiering(engine, { config: await loadTieringConfig(), asOf });
    const [invoice] = await engine.all(
      `SELECT i.invoice_id, i.customer_id FROM invoices i
       JOIN customer_survivors s ON s.customer_id = i.customer_id AND NOT s.merged
       WHERE i.paid_date IS NULL ORDER BY i.invoice_id LIMIT 1`,
    );
    invoiceId = String(invoice!.invoice_id);
    const [other] = await engine.all({
      sql: `SELECT customer_id FROM customers_clean WHERE customer_id <> $1 ORDER BY customer_id LIMIT 1`,
      params: [String(invoice!.customer_id)],
    });
    customers = [String(invoice!.customer_id), String(other!.customer_id)];
  });
  afterAll(async () => engine.close());

  /** Each customer's latest stream decision against the features the batch computation gives now. */
  async function differences(): Promise<string[]> {
    const params = { asOf: day, longDays: 365, shortDays: 90, unit: 'customer' } as const;
    return engine.transaction(async (tx) => {
      await computeFeatures(tx, engine.dialect, params);
      const out: string[] = [];
      for (const id of customers) {
        const [full] = await tx.all({
          sql: `SELECT * FROM ${PIPELINE_TABLES.features} WHERE customer_id = $1`,
          params: [id],
        });
        const [latest] = await tx.all({
          sql: 'SELECT * FROM stream_decisions WHERE customer_id = $1 ORDER BY decision_no DESC LIMIT 1',
          params: [id],
        });
        for (const f of FEATURE_NAMES.filter((f) => f !== 'predicted_margin' && f !== 'churn_probability')) {
          const d = valueDifference(f, latest?.[f] ?? null, full?.[f] ?? null);
          if (d) out.push(`${id} ${d}`);
        }
      }
      return out;
    });
  }

  it('decides from what it holds as from the rows, reads a unit again after another worker decided it', async () => {
    const [first, second] = customers as [string, string];
    const a = processor();
    const b = processor();
    const units = Number((await engine.all('SELECT count(*) AS n FROM customers_clean'))[0]!.n);
    expect(await a.preload()).toBe(units);

    await handle(a, order(first)); // held since the preload
    await handle(b, order(first)); // b holds nothing: read
    await handle(a, order(first)); // b decided it since: read again
    await handle(
      a,
      inboundEvent({
        id: `held-${++n}`,
        type: 'payment.received',
        occurredAt: `${day}T10:00:00+08:00`,
        customerId: first,
        data: { invoiceId, amount: 1, paidDate: day },
      }),
    ); // held: a decided it last
    await handle(a, order(second)); // held since the preload
    expect(a.stats()).toMatchObject({ batches: 4, unitsHeld: 3, unitsRead: 1 });
    expect(b.stats()).toMatchObject({ batches: 1, unitsHeld: 0, unitsRead: 1 });
    expect(await differences()).toEqual([]);
  });

  it('reads every unit again after a cleaning run (or an import) changed the data behind them', async () => {
    const a = processor();
    await a.preload();
    await handle(a, order(customers[1]!));
    expect(a.stats()).toMatchObject({ unitsHeld: 1, unitsRead: 0 });
    await cleanDatabase(engine);
    await handle(a, order(customers[1]!));
    await handle(a, order(customers[1]!));
    expect(a.stats()).toMatchObject({ unitsHeld: 2, unitsRead: 1 });
    expect(await differences()).toEqual([]);
  });

  it('decides against a run committed meanwhile, and reads its units again', async () => {
    const a = processor();
    await a.preload();
    await handle(a, order(customers[1]!));
    const next = await runTiering(engine, { config: await loadTieringConfig(), asOf: day });
    await handle(a, order(customers[1]!));
    expect(a.stats()).toMatchObject({ batches: 2, unitsHeld: 1, unitsRead: 1 });
    const [latest] = await engine.all({
      sql: 'SELECT run_id FROM stream_decisions WHERE customer_id = $1 ORDER BY decision_no DESC LIMIT 1',
      params: [customers[1]!],
    });
    expect(latest?.run_id).toBe(next.runId);
    expect(await differences()).toEqual([]);
  });
});
