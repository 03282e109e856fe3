import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDatabase } from '../../../test/support/demo-database.js';
import type { TieringConfig } from '../../contracts/tiering/config.js';
import { addDays } from '../../contracts/time/iso-date.js';
import type { Engine } from '../../engines/engine.js';
import { defaultEnd } from '../generate/generate-options.js';
import { loadTieringConfig } from '../tiering/load-config.js';
import { runTiering, type RunSummary } from '../tiering/run-tiering.js';
import { enqueueRunEvents } from './enqueue-run-events.js';
import { createSubscription } from './subscriptions.js';
import { describeEachEngine } from '../../../test/support/engines.js';

describeEachEngine('enqueue run events', (kind) => {
  let engine: Engine;
  let config: TieringConfig;
  const end = defaultEnd();

  const deliveries = async () =>
    engine.all(`SELECT subscription_id, event_type, payload FROM webhook_deliveries ORDER BY event_type`);

  beforeAll(async () => {
    ({ engine } = await demoDatabase(250, 5, 11, kind));
    config = await loadTieringConfig();
  });
  afterAll(async () => engine.close());

  describe('enqueueRunEvents (the outbox side of a run)', () => {
    let first: RunSummary;

    it('costs one small query and writes nothing without subscriptions', async () => {
      first = await runTiering(engine, { config, asOf: addDays(end, -21) });
      expect(await deliveries()).toEqual([]);
      const started = performance.now();
      const result = await engine.transaction((tx) =>
        enqueueRunEvents(tx, engine.dialect, {
          runId: first.runId,
          asOf: first.asOf,
          previousRunId: 'none',
          finishedAt: new Date().toISOString(),
          summary: first,
        }),
      );
      const ms = performance.now() - started;
      expect(result).toEqual({ subscribedTypes: [], changes: null });
      expect(ms).toBeLessThan(50);
    });

    it('writes one row per event for enabled subscribers of its type only, and nothing if the transaction fails', async () => {
      const tags = await createSubscription(
        engine,
        { url: 'http://127.0.0.1:1/tags', events: ['tag.added'], createdBy: 'test' },
        new Date(),
      );
      const off = await createSubscription(
        engine,
        {
          url: 'http://127.0.0.1:1/off',
          events: ['tag.added', 'tier.changed', 'run.completed'],
          createdBy: 'test',
        },
        new Date(),
      );
      await engine.run({
        sql: `UPDATE webhook_subscriptions SET enabled = FALSE WHERE subscription_id = $1`,
        params: [off.id],
      });

      // A failing transaction leaves no event behind (the run's own transaction behaves the same).
      await expect(
        engine.transaction(async (tx) => {
          await enqueueRunEvents(tx, engine.dialect, {
            runId: first.runId,
            asOf: first.asOf,
            previousRunId: first.runId,
            finishedAt: new Date().toISOString(),
            summary: first,
          });
          throw new Error('the run failed');
        }),
      ).rejects.toThrow('the run failed');
      expect(await deliveries()).toEqual([]);

      const second = await runTiering(engine, { config, asOf: end });
      const rows = await deliveries();
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.subscription_id))).toEqual(new Set([tags.id]));
      expect(new Set(rows.map((r) => r.event_type))).toEqual(new Set(['tag.added']));
      const payloads = rows.map((r) => JSON.parse(String(r.payload)) as { id: string; runId: string });
      expect(new Set(payloads.map((p) => p.id)).size).toBe(rows.length);
      expect(payloads.every((p) => p.runId === second.runId)).toBe(true);
    });

    it('sends only run.completed, without changes, for a run of an earlier date than the latest', async () => {
      await createSubscription(
        engine,
        {
          url: 'http://127.0.0.1:1/all',
          events: ['tier.changed', 'tag.added', 'run.completed'],
          createdBy: 'test',
        },
        new Date(),
      );
      const before = (await deliveries()).length;
      const backfill = await runTiering(engine, { config, asOf: addDays(end, -14), trigger: 'backfill' });
      const after = await deliveries();
      const added = after.filter((r) => String(r.payload).includes(backfill.runId));
      expect(after.length).toBe(before + 1);
      expect(added).toHaveLength(1);
      expect(added[0]!.event_type).toBe('run.completed');
      expect(JSON.parse(String(added[0]!.payload)).data).toMatchObject({
        runId: backfill.runId,
        changes: null,
      });
    });
  });
});
