import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoDatabase } from '../../../test/support/demo-database.js';
import { inboundEvent } from '../../../test/support/inbound-event.js';
import { describeEachEngine, TEST_TZ } from '../../../test/support/engines.js';
import type { InboundEvent } from '../../contracts/events/inbound.js';
import type { TieringConfig } from '../../contracts/tiering/config.js';
import { TIERS } from '../../contracts/tiering/tiers.js';
import { addDays } from '../../contracts/time/iso-date.js';
import type { Engine } from '../../engines/engine.js';
import { defaultEnd } from '../generate/generate-options.js';
import { loadTieringConfig } from '../tiering/load-config.js';
import { runTiering, type RunSummary } from '../tiering/run-tiering.js';
import { createSubscription } from '../webhooks/subscriptions.js';
import { processBatch, type BatchOutcome } from './process-batch.js';
import { loadRunReference, type RunReference } from './run-reference.js';

const event = inboundEvent;

describeEachEngine('stream decisions', (kind) => {
  let engine: Engine;
  let config: TieringConfig;
  let run: RunSummary;
  let reference: RunReference;
  let surging: string;
  let disputing: string;
  let surge: InboundEvent[];
  let first: BatchOutcome;
  const asOf = defaultEnd();
  const day = addDays(asOf, 1);
  const now = new Date(`${day}T12:00:00+08:00`);
  const at = (minute: number) => `${day}T09:${String(minute).padStart(2, '0')}:00+08:00`;
  const rows = (query: string, params: unknown[] = []) => engine.all({ sql: query, params: params as never });

  beforeAll(async () => {
    ({ engine } = await demoDatabase(300, 6, 23, kind));
    config = await loadTieringConfig();
    run = await runTiering(engine, { config, asOf });
    reference = await loadRunReference(engine, run.runId);
    await createSubscription(
      engine,
      { url: 'https://crm.example.com/hooks', events: ['tier.changed', 'tag.added'], createdBy: 'test' },
      now,
    );
    const [bronze] = await rows(
      `SELECT customer_id FROM tier_snapshots WHERE run_id = $1 AND tier = 'bronze' AND rank_pct IS NOT NULL
       ORDER BY score, customer_id LIMIT 1`,
      [run.runId],
    );
    surging = String(bronze!.customer_id);
    const [calm] = await rows(
      `SELECT customer_id FROM tier_snapshots WHERE run_id = $1 AND tier IN ('gold', 'silver')
         AND len(tags) = 0 ORDER BY customer_id LIMIT 1`.replace(
        'len(tags)',
        kind === 'postgres' ? 'cardinality(tags)' : 'len(tags)',
      ),
      [run.runId],
    );
    disputing = String(calm!.customer_id);
    surge = [0, 1, 2].map((i) =>
      event({
        id: `surge-${i}`,
        type: 'order.created',
        occurredAt: at(i),
        customerId: surging,
        data: { orderId: `SURGE-${i}`, amount: 300000, grossMargin: 45000 },
      }),
    );
    first = await processBatch(engine, reference, surge, now, TEST_TZ);
  });
  afterAll(async () => engine.close());

  it('promotes a customer whose orders surge at once, with the event that caused it', async () => {
    expect(first.applied).toEqual(['surge-0', 'surge-1', 'surge-2']);
    expect(first.decisions).toHaveLength(1);
    const promoted = first.decisions[0]!;
    expect(promoted).toMatchObject({ customerId: surging, from: 'bronze', changed: true });
    expect(TIERS.indexOf(promoted.to!)).toBeLessThan(TIERS.indexOf('bronze'));
    const changed = first.events.find((e) => e.type === 'tier.changed');
    expect(changed).toMatchObject({
      customerId: surging,
      causedBy: 'surge-2',
      data: { customerId: surging, from: 'bronze', to: promoted.to, runId: run.runId, asOf: day },
    });
    const [decision] = await rows(
      'SELECT decision_no, cause_event_id, from_tier, tier, changed, as_of, run_id, orders, monetary FROM stream_decisions WHERE customer_id = $1',
      [surging],
    );
    expect(decision).toMatchObject({
      decision_no: 1,
      cause_event_id: 'surge-2',
      from_tier: 'bronze',
      tier: promoted.to,
      changed: true,
      as_of: day,
      run_id: run.runId,
    });
    const [before] = await rows(
      'SELECT orders, monetary FROM tier_snapshots WHERE run_id = $1 AND customer_id = $2',
      [run.runId, surging],
    );
    expect(Number(decision!.orders)).toBeGreaterThanOrEqual(Number(before!.orders) + 3 - 1);
    expect(Number(decision!.monetary)).toBeGreaterThan(900000 - 1);
    // The webhook outbox got the change in the same transaction, with the event as its body.
    const deliveries = await rows(
      `SELECT payload FROM webhook_deliveries WHERE event_type = 'tier.changed' AND payload LIKE $1`,
      [`%${surging}%`],
    );
    expect(deliveries.map((r) => JSON.parse(String(r.payload)))).toEqual([changed]);
  });

  it('makes a customer high-risk as soon as a dispute opens, and its terms prepaid', async () => {
    const opened = event({
      id: 'dispute-1',
      type: 'dispute.opened',
      occurredAt: at(5),
      customerId: disputing,
      data: { disputeId: 'D-STREAM-1', amount: 5000 },
    });
    const outcome = await processBatch(engine, reference, [opened], now, TEST_TZ);
    expect(outcome.applied).toEqual(['dispute-1']);
    expect(outcome.events.filter((e) => e.type === 'tag.added')).toEqual([
      expect.objectContaining({
        causedBy: 'dispute-1',
        data: { customerId: disputing, tag: 'high_risk', reason: expect.stringContaining('dispute') },
      }),
    ]);
    const [decision] = await rows(
      'SELECT tags, payment_terms, credit_limit, changed, actions FROM stream_decisions WHERE customer_id = $1',
      [disputing],
    );
    expect(decision).toMatchObject({
      tags: ['high_risk'],
      payment_terms: 'prepaid',
      credit_limit: 0,
      changed: true,
    });
  });

  it('applies a redelivered batch once and sends its events again, under the same ids', async () => {
    const again = await processBatch(engine, reference, surge, now, TEST_TZ);
    expect(again.applied).toEqual([]);
    expect(again.duplicates).toEqual(['surge-0', 'surge-1', 'surge-2']);
    expect(again.decisions).toEqual([]);
    expect(again.events).toEqual(first.events);
    const [n] = await rows('SELECT count(*) AS n FROM stream_decisions WHERE customer_id = $1', [surging]);
    expect(Number(n!.n)).toBe(1);
  });

  it('continues from its own latest decision', async () => {
    const more = event({
      id: 'surge-3',
      type: 'order.created',
      occurredAt: at(30),
      customerId: surging,
      data: { orderId: 'SURGE-3', amount: 1000 },
    });
    const tier = first.decisions[0]!.to;
    const outcome = await processBatch(engine, reference, [more], now, TEST_TZ);
    expect(outcome.decisions).toEqual([{ customerId: surging, from: tier, to: tier, changed: false }]);
    expect(outcome.events).toEqual([]);
    const numbers = await rows(
      'SELECT decision_no, cause_event_id FROM stream_decisions WHERE customer_id = $1 ORDER BY decision_no',
      [surging],
    );
    expect(numbers).toEqual([
      { decision_no: 1, cause_event_id: 'surge-2' },
      { decision_no: 2, cause_event_id: 'surge-3' },
    ]);
  });

  it('leaves the next batch run to reconcile: same tiers from the same data, its changes not announced twice', async () => {
    const next = await runTiering(engine, { config, asOf: day });
    expect(next.stream).not.toBeNull();
    const r = next.stream!;
    expect(r.decided).toBe(2);
    expect(r.agree + r.differ).toBe(2);
    // Only the population moving can explain a difference here: no import, override or other day intervened.
    expect(r.reasons.data_changed + r.reasons.override).toBe(0);
    const [mine] = await rows(
      'SELECT tier, tags FROM tier_snapshots WHERE run_id = $1 AND customer_id = $2',
      [next.runId, surging],
    );
    // The run agrees with the stream, or says the cut-offs moved under it.
    const listed = r.examples.find((e) => e.customerId === surging);
    if (mine!.tier === first.decisions[0]!.to) expect(listed).toBeUndefined();
    else expect(listed?.reason).toMatch(/quotas_moved|hysteresis/);
    const announced = await rows(
      `SELECT count(*) AS n FROM webhook_deliveries WHERE event_type = 'tier.changed' AND payload LIKE $1`,
      [`%${surging}%`],
    );
    expect(Number(announced[0]!.n)).toBe(1);
  });
});
