import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestServer, type ApiTestServer } from '../../../test/support/api-server.js';
import { TEST_TZ, describeEachEngine } from '../../../test/support/engines.js';
import { POLICY_COLUMNS } from '../../contracts/tiering/pipeline-tables.js';
import type { TagName, Tier } from '../../contracts/tiering/tiers.js';
import { addDays } from '../../contracts/time/iso-date.js';
import type { PolicyField, PolicyValue } from '../../domain/webhooks/event-types.js';
import {
  changeEventKey,
  diffSnapshots,
  type ChangeEvent,
  type SnapshotCustomer,
} from '../../domain/webhooks/snapshot-diff.js';
import type { Engine } from '../../engines/engine.js';
import { defaultEnd } from '../generate/generate-options.js';
import { loadTieringConfig } from '../tiering/load-config.js';
import { addOverride } from '../tiering/overrides.js';
import { runTiering, type RunSummary } from '../tiering/run-tiering.js';
import { createDispatcher, type Dispatcher } from './dispatcher.js';

describeEachEngine('webhook delivery', (kind) => {
  /** One request as the receiver saw it. */
  interface Received {
    readonly path: string;
    readonly headers: IncomingMessage['headers'];
    readonly body: string;
    /** The receiver's clock (the test's fake clock) when it arrived, in seconds. */
    readonly nowSeconds: number;
    /** What the receiver did: 500, dropped the connection, or accepted with 200. */
    readonly answer: 500 | 'dropped' | 200;
  }

  let s: ApiTestServer;
  let engine: Engine;
  let receiver: Server;
  let base: string;
  const received: Received[] = [];
  const attemptsByKey = new Map<string, number>();
  let clockMs = 0;

  /** The documented verification (docs/webhooks.md, Node snippet), written independently of src/. */
  function verifyAsDocumented(secret: string, header: string, rawBody: string, nowSeconds: number): boolean {
    const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=', 2) as [string, string]));
    const t = Number(parts.t);
    if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > 300) return false;
    const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
    const given = Buffer.from(parts.v1 ?? '', 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /**
   * A real HTTP receiver on loopback. /flaky answers the first attempt of each Idempotency-Key with 500, drops the
   * connection on the second (after reading the whole request) and accepts from the third; /down always answers 500.
   */
  function startReceiver(): Promise<Server> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const key = String(req.headers['idempotency-key']);
        const n = (attemptsByKey.get(key) ?? 0) + 1;
        attemptsByKey.set(key, n);
        const answer: Received['answer'] = req.url === '/down' || n === 1 ? 500 : n === 2 ? 'dropped' : 200;
        received.push({
          path: req.url ?? '',
          headers: req.headers,
          body,
          nowSeconds: Math.floor(clockMs / 1000),
          answer,
        });
        if (answer === 'dropped') req.socket.destroy();
        else res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer === 200 ? 'ok' : 'try later');
      });
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
  }

  async function snapshot(runId: string): Promise<SnapshotCustomer[]> {
    const cols = POLICY_COLUMNS.map((c) =>
      c === 'credit_limit' ? `CAST(${c} AS DOUBLE PRECISION) AS ${c}` : c,
    );
    const rows = await engine.all({
      sql: `SELECT customer_id, tier, tier_reason, tags, tag_reasons, ${cols.join(', ')} FROM tier_snapshots WHERE run_id = $1`,
      params: [runId],
    });
    return rows.map((r) => ({
      customerId: String(r.customer_id),
      tier: (r.tier ?? null) as Tier | null,
      tierReason: (r.tier_reason ?? null) as string | null,
      tags: (r.tags ?? []) as TagName[],
      tagReasons: (r.tag_reasons ?? []) as (string | null)[],
      policy: Object.fromEntries(POLICY_COLUMNS.map((c) => [c, r[c] ?? null])) as Record<
        PolicyField,
        PolicyValue
      >,
    }));
  }

  /** Milliseconds since the epoch of a TIMESTAMPTZ expression, exact on every engine. */
  const epochMs = (ts: string) => `CAST(round(${engine.dialect.epochSeconds(ts)} * 1000) AS BIGINT)`;

  /** When the next pending delivery falls due (ms), or null when none is pending. */
  const nextDue = async (): Promise<number | null> => {
    const [row] = await engine.all(
      `SELECT ${epochMs('min(next_attempt_at)')} AS t FROM webhook_deliveries WHERE status = 'pending'`,
    );
    return row?.t === null || row?.t === undefined ? null : Number(row.t);
  };

  /** Drives a dispatcher with the fake clock: rounds until nothing is due, then on to the next due time. */
  async function drain(dispatcher: Dispatcher): Promise<void> {
    for (let i = 0; i < 100; i++) {
      while ((await dispatcher.deliverDue(new Date(clockMs))).attempted > 0);
      const next = await nextDue();
      if (next === null) return;
      clockMs = Math.max(clockMs, next);
    }
  }

  const json = (r: Received) =>
    JSON.parse(r.body) as { id: string; type: string; runId: string; data: unknown };
  const keyOf = (r: Received) => String(r.headers['idempotency-key']);

  let flaky: { id: string; secret: string };
  let down: { id: string; secret: string };
  let runs: RunSummary[];
  let crashedKeys: string[];
  let integration: Record<string, string>;

  beforeAll(async () => {
    s = await apiTestServer({ demo: { customers: 300, months: 6, weeks: 0 }, engine: kind });
    engine = s.engine;
    receiver = await startReceiver();
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    integration = await s.key('integration');
    const subscribe = async (path: string, events: string[]) => {
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: integration,
        payload: { url: `${base}${path}`, events },
      });
      expect(res.statusCode).toBe(201);
      return res.json() as { id: string; secret: string };
    };
    flaky = await subscribe('/flaky', [
      'tier.changed',
      'tag.added',
      'tag.removed',
      'policy.changed',
      'run.completed',
    ]);
    down = await subscribe('/down', ['run.completed']);

    // Two runs four weeks apart, the second with a manual override, so that tiers, tags and policies change.
    const config = await loadTieringConfig();
    const end = defaultEnd();
    const first = await runTiering(engine, { config, asOf: addDays(end, -28) });
    const [bronze] = await engine.all({
      sql: `SELECT customer_id FROM tier_snapshots WHERE run_id = $1 AND tier = 'bronze' ORDER BY customer_id LIMIT 1`,
      params: [first.runId],
    });
    await addOverride(
      engine,
      {
        customerId: String(bronze!.customer_id),
        tier: 'platinum',
        reason: 'strategic account',
        author: 'test',
      },
      TEST_TZ,
    );
    const second = await runTiering(engine, { config, asOf: end });
    runs = [first, second];

    clockMs = Date.now() + 1_000;
    // A dispatcher that "crashes" after its POSTs, before recording them: those deliveries stay pending.
    const crashing = createDispatcher({
      engine: { ...engine, transaction: () => Promise.reject(new Error('simulated crash')) },
      fetch,
      now: () => new Date(clockMs),
      batchSize: 10,
    });
    await expect(crashing.deliverDue(new Date(clockMs))).rejects.toThrow('simulated crash');
    crashedKeys = [...attemptsByKey.keys()];

    const dispatcher = createDispatcher({
      engine,
      fetch,
      now: () => new Date(clockMs),
      random: () => 0.5,
      timeoutMs: 5_000,
      batchSize: 200,
      concurrency: 16,
    });
    await drain(dispatcher);
  }, 120_000);

  afterAll(async () => {
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
    await s?.close();
  });

  describe('webhook delivery to a real receiver that fails the first attempts', () => {
    it('delivers every expected event exactly once after de-duplication by Idempotency-Key', async () => {
      const accepted = received.filter((r) => r.path === '/flaky' && r.answer === 200);
      const byKey = new Map<string, Received>();
      for (const r of accepted) {
        expect(byKey.has(keyOf(r))).toBe(false); // never accepted twice
        byKey.set(keyOf(r), r);
      }
      // Every key the receiver ever saw was accepted in the end.
      const seen = new Set(received.filter((r) => r.path === '/flaky').map(keyOf));
      expect(new Set(byKey.keys())).toEqual(seen);

      const events = [...byKey.values()].map(json);
      const expected = diffSnapshots(await snapshot(runs[0]!.runId), await snapshot(runs[1]!.runId), {
        runId: runs[1]!.runId,
        asOf: runs[1]!.asOf,
      });
      expect(expected.length).toBeGreaterThan(20);
      expect(expected.some((e) => e.type === 'tier.changed' && e.data.reason === 'override')).toBe(true);
      for (const type of ['tier.changed', 'tag.added', 'tag.removed', 'policy.changed'])
        expect(expected.filter((e) => e.type === type).length).toBeGreaterThan(0);

      const changes = events.filter((e) => e.type !== 'run.completed');
      expect(changes.every((e) => e.runId === runs[1]!.runId)).toBe(true);
      const asKeyed = (list: readonly { type: string; data: unknown }[]) =>
        new Map(list.map((e) => [changeEventKey(e as ChangeEvent), e.data]));
      expect(asKeyed(changes)).toEqual(asKeyed(expected));
      expect(changes).toHaveLength(expected.length);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

      // run.completed: one per run, with the run's summary; the second counts the changes.
      const completed = events.filter((e) => e.type === 'run.completed');
      expect(completed.map((e) => e.runId).sort()).toEqual(runs.map((r) => r.runId).sort());
      const last = completed.find((e) => e.runId === runs[1]!.runId)!.data as RunSummary & {
        changes: Record<string, number>;
      };
      expect(last).toMatchObject({
        tiers: runs[1]!.tiers,
        tags: runs[1]!.tags,
        customers: runs[1]!.customers,
      });
      expect(last.changes).toEqual({
        tierChanged: expected.filter((e) => e.type === 'tier.changed').length,
        tagAdded: expected.filter((e) => e.type === 'tag.added').length,
        tagRemoved: expected.filter((e) => e.type === 'tag.removed').length,
        policyChanged: expected.filter((e) => e.type === 'policy.changed').length,
      });
    });

    it('received duplicates (at-least-once): each key three times, the crashed round re-sent under the same key', async () => {
      const flakyReceived = received.filter((r) => r.path === '/flaky');
      const keys = new Set(flakyReceived.map(keyOf));
      expect(flakyReceived.length).toBe(3 * keys.size);
      expect(flakyReceived.filter((r) => r.answer === 'dropped')).toHaveLength(keys.size);
      expect(crashedKeys).toHaveLength(10);
      expect(crashedKeys.filter((k) => keys.has(k)).length).toBeGreaterThanOrEqual(8);
      const rows = await engine.all(
        `SELECT delivery_id, attempts, status, last_status_code, delivered_at FROM webhook_deliveries WHERE subscription_id = '${flaky.id}'`,
      );
      expect(rows).toHaveLength(keys.size);
      for (const r of rows) {
        expect(r.status).toBe('delivered');
        expect(r.last_status_code).toBe(200);
        // The crashed attempt reached the receiver but was never recorded.
        expect(r.attempts).toBe(crashedKeys.includes(String(r.delivery_id)) ? 2 : 3);
        expect(attemptsByKey.get(String(r.delivery_id))).toBe(3);
      }
    });

    it('signs every request as documented, with the event type and JSON content type', () => {
      const secrets: Record<string, string> = { '/flaky': flaky.secret, '/down': down.secret };
      expect(received.length).toBeGreaterThan(100);
      for (const r of received) {
        expect(r.headers['content-type']).toBe('application/json');
        expect(r.headers['stratum-event']).toBe(json(r).type);
        const ok = verifyAsDocumented(
          secrets[r.path]!,
          String(r.headers['stratum-signature']),
          r.body,
          r.nowSeconds,
        );
        expect(ok).toBe(true);
        expect(
          verifyAsDocumented('whsec_wrong', String(r.headers['stratum-signature']), r.body, r.nowSeconds),
        ).toBe(false);
      }
    });

    it('backs off 10 s, 30 s, 90 s … capped at an hour (the fake clock jumps to each due time)', () => {
      const gaps = (key: string) => {
        const t = received.filter((r) => keyOf(r) === key).map((r) => r.nowSeconds);
        return t.slice(1).map((x, i) => x - t[i]!);
      };
      const flakyKeys = [...new Set(received.filter((r) => r.path === '/flaky').map(keyOf))];
      const plain = flakyKeys.find((k) => !crashedKeys.includes(k))!;
      expect(gaps(plain)).toEqual([10, 30]);
      // A crashed attempt is sent again at once: it was never recorded as made.
      const crashed = flakyKeys.find((k) => crashedKeys.includes(k))!;
      expect(gaps(crashed)).toEqual([0, 10]);
      const downKeys = [...new Set(received.filter((r) => r.path === '/down').map(keyOf))];
      for (const k of downKeys)
        expect(gaps(k).filter((g) => g > 0)).toEqual([10, 30, 90, 270, 810, 2430, 3600]);
    });

    it('puts a delivery to an endpoint that always fails in the dead-letter list after 8 attempts, and retries it via the API', async () => {
      const res = await s.app.inject({
        method: 'GET',
        url: `/api/v1/webhooks/${down.id}/deliveries?status=dead`,
        headers: integration,
      });
      expect(res.statusCode).toBe(200);
      const dead = res.json().items as {
        id: string;
        attempts: number;
        lastStatusCode: number;
        lastError: string;
      }[];
      expect(dead).toHaveLength(2);
      for (const d of dead) {
        expect(d).toMatchObject({ attempts: 8, lastStatusCode: 500 });
        expect(d.lastError).toBe('HTTP 500: try later');
        expect(attemptsByKey.get(d.id)).toBe(crashedKeys.includes(d.id) ? 9 : 8);
      }
      const retry = await s.app.inject({
        method: 'POST',
        url: `/api/v1/webhooks/deliveries/${dead[0]!.id}/retry`,
        headers: integration,
      });
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toMatchObject({ id: dead[0]!.id, status: 'pending', attempts: 0 });
      const again = createDispatcher({ engine, fetch, now: () => new Date(clockMs), random: () => 0.5 });
      const round = await again.deliverDue(new Date(clockMs + 1_000));
      expect(round).toEqual({ attempted: 1, delivered: 0, retrying: 1, dead: 0 });
      expect(attemptsByKey.get(dead[0]!.id)).toBe(crashedKeys.includes(dead[0]!.id) ? 10 : 9);
      const [row] = await engine.all({
        sql: `SELECT attempts, ${epochMs('next_attempt_at')} AS next FROM webhook_deliveries WHERE delivery_id = $1`,
        params: [dead[0]!.id],
      });
      expect(row).toEqual({ attempts: 1, next: clockMs + 1_000 + 10_000 });
    });

    it('runs as a start()/stop() loop beside the server, sending what falls due in the background', async () => {
      const [row] = await engine.all({
        sql: `SELECT delivery_id FROM webhook_deliveries WHERE subscription_id = $1 AND status = 'dead'`,
        params: [down.id],
      });
      const id = String(row!.delivery_id);
      const before = attemptsByKey.get(id)!;
      const retry = await s.app.inject({
        method: 'POST',
        url: `/api/v1/webhooks/deliveries/${id}/retry`,
        headers: integration,
      });
      expect(retry.statusCode).toBe(200);
      const loop = createDispatcher({ engine, fetch, now: () => new Date(), intervalMs: 20 });
      loop.start();
      loop.start(); // idempotent
      for (let i = 0; i < 200 && attemptsByKey.get(id) === before; i++)
        await new Promise((r) => setTimeout(r, 10));
      await loop.stop();
      expect(attemptsByKey.get(id)).toBe(before + 1);
      const [after] = await engine.all({
        sql: `SELECT status, attempts, last_status_code FROM webhook_deliveries WHERE delivery_id = $1`,
        params: [id],
      });
      expect(after).toEqual({ status: 'pending', attempts: 1, last_status_code: 500 });
    });
  });
});
