import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyInstallation } from '../../src/app/copy/copy-installation.js';
import { defaultEnd } from '../../src/app/generate/generate-options.js';
import { loadTieringConfig } from '../../src/app/tiering/load-config.js';
import { runTiering } from '../../src/app/tiering/run-tiering.js';
import { isoDateIn } from '../../src/contracts/time/zoned-time.js';
import { openEngine, type EngineLocation } from '../../src/engines/registry.js';
import type { DeadLetter, EventBus } from '../../src/stream/bus.js';
import { sleep } from '../../src/stream/wait.js';
import type { EngineKind } from '../../src/sql/dialects/dialect.js';
import { freshBus, TEST_BUSES, type BusFixture } from '../support/buses.js';
import { demoDatabase } from '../support/demo-database.js';
import { describeEachEngine, freshEngine, TEST_TZ } from '../support/engines.js';
import { ConsumerBacklog } from './support/consumer-backlog.js';
import { planEventStream, type PlannedStream } from './support/event-plan.js';
import { malformedSubject } from './support/malformed-messages.js';
import { finalState, stateDifferences, type Compared } from './support/final-state.js';
import { loadStreamTargets } from './support/stream-targets.js';
import { startWorkerProcess, stopWorkerProcess, type WorkerProcess } from './support/worker-process.js';

/**
 * Issue 7's guarantee, end to end: a worker process killed with SIGKILL in the middle of the stream loses no
 * event and applies none twice. The same events are applied twice from the same prepared database, each time by
 * `stratum worker` processes: once by a worker that is killed mid-stream and then replaced by others, once by one
 * uninterrupted worker; the final states must be equal.
 */

const SEED = 29;
const EVENTS = 1_500;
/** The production default: the more partitions, the fewer events each applies one after the other. */
const PARTITIONS = 32;
const ACK_WAIT_SECONDS = 2;
/**
 * The uninterrupted worker's: it needs no quick redelivery, and an ack wait shorter than a batch takes makes a
 * busy worker receive its own events again (handled as duplicates: correct, but slower).
 */
const CLEAN_ACK_WAIT_SECONDS = 30;
/** The killed worker dies once this share of the inbound messages is settled (asserted between 20 % and 70 %). */
const KILL_AT = 0.35;
const DRAIN_TIMEOUT_MS = 240_000;

/** Publishes each message once, in order. */
async function publishAll(bus: EventBus, plan: PlannedStream): Promise<void> {
  for (const m of plan.messages)
    if (m.kind === 'event') await bus.publish(m.event);
    else await bus.publishRaw(malformedSubject(bus.names, m), m.body);
}

/** The prepared database and its twin, closed: the kill run's location (workers open it) and the clean run's. */
async function prepare(kind: EngineKind) {
  const db = await demoDatabase(200, 6, SEED, kind);
  const config = await loadTieringConfig();
  // Without hysteresis, a decision follows from the customer's data alone. With it, the tier a customer ends on
  // could depend on how its events were batched: a stream decision keeps the streak of an unchanged candidate, so
  // one batch of five events and five batches of one leave different streaks behind.
  await runTiering(db.engine, {
    config: { ...config, tiers: { ...config.tiers, hysteresis: null } },
    asOf: defaultEnd(),
  });
  const targets = await loadStreamTargets(db.engine);
  if (db.location.kind === 'duckdb') {
    await db.engine.close(); // one process at a time may open a DuckDB file: the workers will
    const twin = join(db.dir, 'clean.duckdb');
    await copyFile(db.location.path, twin);
    return { targets, dirs: [db.dir], killed: db.location, clean: { kind: 'duckdb', path: twin } as const };
  }
  const twin = await freshEngine('postgres');
  await copyInstallation(db.engine, twin.engine);
  await Promise.all([db.engine.close(), twin.engine.close()]);
  return { targets, dirs: [db.dir, twin.dir], killed: db.location, clean: twin.location };
}

async function stateOf(location: EngineLocation): Promise<Compared[]> {
  const engine = await openEngine(location, { timeZone: TEST_TZ });
  try {
    return await finalState(engine);
  } finally {
    await engine.close();
  }
}

// Real NATS only: skipped where $STRATUM_TEST_BUSES leaves it out (a machine without NATS).
describe.skipIf(!TEST_BUSES.includes('nats'))('stream worker and SIGKILL', () =>
  describeEachEngine('a stream worker killed mid-stream', (kind) => {
    const day = isoDateIn(TEST_TZ, Date.now());
    const dirs: string[] = [];
    const fixtures: BusFixture[] = [];
    const processes: WorkerProcess[] = [];
    let observer: ConsumerBacklog;
    let plan: PlannedStream;
    let settledAtKill = 0;
    let killedBy: NodeJS.Signals | null = null;
    let stopExits: (number | null)[] = [];
    let killedState: Compared[];
    let cleanState: Compared[];
    let deadLetters: (readonly DeadLetter[])[] = [];

    beforeAll(async () => {
      const prepared = await prepare(kind);
      dirs.push(...prepared.dirs);
      plan = planEventStream(prepared.targets, { seed: SEED, events: EVENTS, day, partitions: PARTITIONS });
      observer = await ConsumerBacklog.open();
      // The same messages on two streams: one for the run that is killed, one for the clean run.
      const [killedStream, cleanStream] = await Promise.all([
        freshBus('nats', { partitions: PARTITIONS, policy: { ackWaitMs: ACK_WAIT_SECONDS * 1000 } }),
        freshBus('nats', { partitions: PARTITIONS, policy: { ackWaitMs: ACK_WAIT_SECONDS * 1000 } }),
      ]);
      fixtures.push(killedStream, cleanStream);
      const [killedBus, cleanBus] = await Promise.all([killedStream.open(), cleanStream.open()]);
      await Promise.all([publishAll(killedBus, plan), publishAll(cleanBus, plan)]);

      // Both runs at once: each is slow mostly for waiting, as a partition's events are applied one after the other.
      const worker = async (location: EngineLocation, stream: BusFixture, ackWait = ACK_WAIT_SECONDS) => {
        const started = await startWorkerProcess(location, stream.names, ackWait);
        processes.push(started);
        return started;
      };
      /** Waits for a stream to be drained; if it is not, says what its workers printed last. */
      const drained = (stream: BusFixture, workers: readonly WorkerProcess[]) =>
        observer.untilDrained(stream.names, DRAIN_TIMEOUT_MS).catch((error: unknown) => {
          const tails = workers.map((w) => w.output().slice(-3000)).join('\n---\n');
          throw new Error(
            `${error instanceof Error ? error.message : String(error)}; the workers printed:\n${tails}`,
          );
        });
      const [first, clean] = await Promise.all([
        worker(prepared.killed, killedStream),
        worker(prepared.clean, cleanStream, CLEAN_ACK_WAIT_SECONDS),
      ]);
      const messages = plan.messages.length;
      for (;;) {
        if (first.child.exitCode !== null) throw new Error(`the worker exited by itself:\n${first.output()}`);
        settledAtKill = 1 - (await observer.of(killedStream.names)).total / messages;
        if (settledAtKill >= KILL_AT) break;
        await sleep(20);
      }
      first.child.kill('SIGKILL');
      killedBy = (await first.exited).signal;
      // Several workers share a PostgreSQL database; a DuckDB file is one process's, so there one takes over.
      const replacements = await Promise.all(
        Array.from({ length: kind === 'postgres' ? 2 : 1 }, () => worker(prepared.killed, killedStream)),
      );
      await Promise.all([drained(killedStream, replacements), drained(cleanStream, [clean])]);
      const exits = await Promise.all([clean, ...replacements].map(stopWorkerProcess));
      stopExits = exits.map((e) => e.code);

      deadLetters = await Promise.all([killedBus.deadLetters(), cleanBus.deadLetters()]);
      [killedState, cleanState] = await Promise.all([stateOf(prepared.killed), stateOf(prepared.clean)]);
    }, 600_000);

    afterAll(async () => {
      for (const p of processes)
        if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      await Promise.all(fixtures.map((f) => f.dispose()));
      await observer?.close();
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    }, 60_000);

    it('killed the first worker with SIGKILL in the middle of the stream', () => {
      expect(killedBy).toBe('SIGKILL');
      expect(settledAtKill).toBeGreaterThanOrEqual(0.2);
      expect(settledAtKill).toBeLessThanOrEqual(0.7);
    });

    it('stopped the clean run’s worker and those that took over with SIGTERM, cleanly', () => {
      expect(stopExits).toEqual(stopExits.map(() => 0));
    });

    it('ran on one day in Asia/Shanghai, the events’ day (else run it again)', () => {
      expect(isoDateIn(TEST_TZ, Date.now())).toBe(day);
    });

    it('leaves the same data, event log and latest decisions as an uninterrupted worker', () => {
      expect(stateDifferences(killedState, cleanState).slice(0, 20)).toEqual([]);
    });

    it('logged every valid event once: applied, or rejected when it does not fit the data', () => {
      for (const state of [killedState, cleanState]) {
        const log = state.find((p) => p.name === 'stream_events')!.rows;
        const ids = log.map((r) => String(r.event_id));
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toEqual(plan.events.map((e) => e.id).sort());
        const rejected = log.filter((r) => r.outcome === 'rejected').map((r) => String(r.event_id));
        const applied = log.filter((r) => r.outcome === 'applied');
        expect(rejected).toEqual([...plan.rejected].sort());
        expect(applied.length + rejected.length).toBe(plan.events.length);
      }
    });

    it('wrote each new order once', () => {
      const created = plan.events
        .filter((e) => e.type === 'order.created' && !plan.rejected.has(e.id))
        .map((e) => (e.type === 'order.created' ? e.data.orderId : ''))
        .sort();
      for (const state of [killedState, cleanState]) {
        const orders = state.find((p) => p.name === 'orders')!.rows.map((r) => String(r.order_id));
        expect(orders.filter((id) => id.startsWith('KILL-SO-'))).toEqual(created);
      }
    });

    it('dead-lettered every malformed message once, with its reason, and nothing else', () => {
      const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
      const reasonOf = new Map(
        plan.messages.flatMap((m) => (m.kind === 'malformed' ? [[text(m.body), m.reason]] : [])),
      );
      for (const letters of deadLetters) {
        expect(letters.map((l) => l.body).sort()).toEqual([...reasonOf.keys()].sort());
        for (const letter of letters) expect(letter.reason).toMatch(reasonOf.get(letter.body)!);
      }
    });
  }),
);
