import { streamDecisions } from '../src/contracts/data-model/system/stream-decisions.js';
import type { Engine, SqlSession } from '../src/engines/engine.js';
import { stagingName } from '../src/sql/cleaning/staging.js';
import type { SqlQuery } from '../src/sql/query.js';
import type { EventBus } from '../src/stream/bus.js';

/**
 * Where a worker's batch spends its time, measured from outside the worker code: the engine it gets times its
 * transactions and splits each at the first statement of the next step of processBatch:
 *   apply     the latest run and data versions, then applyEvents (event log, checks, source rows)
 *   features  the worker's cache check (the held units' last decision numbers) and the rows and states of the
 *             units it does not hold (from the first of those statements on)
 *   decide    the overrides, then features from the held rows, scoring, tags and policies in JS
 *   write     the stream_decisions rows and webhook outbox (from the decisions' INSERT or staging table on)
 *   commit    BEGIN and COMMIT
 * plus `reference` (reads outside the transaction: a new run to decide against) and `publish` (wall time with outgoing events in
 * flight). What is left of a step's wall time is the worker waiting for deliveries.
 */
export const PHASES = ['apply', 'features', 'decide', 'write', 'commit', 'reference', 'publish'] as const;
export type Phase = (typeof PHASES)[number];

type TxPhase = 'apply' | 'features' | 'decide' | 'write';

/** The statement that opens each step after apply, in processBatch's order. */
const STEP_MARKERS: readonly (readonly [TxPhase, (sql: string) => boolean])[] = [
  ['features', (s) => s.includes('AS n FROM stream_decisions') || s.startsWith('WITH feature_listed AS')],
  ['decide', (s) => s.includes('FROM tier_overrides')],
  // PostgreSQL inserts a batch's decisions as parameters, DuckDB through its staging table.
  ['write', (s) => s.includes(stagingName(streamDecisions)) || /^INSERT INTO "?stream_decisions"? /.test(s)],
];

const textOf = (q: SqlQuery | string): string => (typeof q === 'string' ? q : q.sql);

export class BatchProfile {
  readonly #ms = new Map<Phase, number>();
  #publishing = 0;
  #publishStart = 0;

  reset(): void {
    this.#ms.clear();
  }

  #add(phase: Phase, ms: number): void {
    this.#ms.set(phase, (this.#ms.get(phase) ?? 0) + ms);
  }

  async #time<T>(phase: Phase, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.#add(phase, performance.now() - start);
    }
  }

  /** Milliseconds in `phase` so far. */
  ms(phase: Phase): number {
    return this.#ms.get(phase) ?? 0;
  }

  /** Milliseconds in any phase. */
  totalMs(): number {
    return [...this.#ms.values()].reduce((a, b) => a + b, 0);
  }

  /** An engine that is `engine`, its transactions and reads timed into this profile. */
  engine(engine: Engine): Engine {
    return {
      kind: engine.kind,
      dialect: engine.dialect,
      all: (q) => engine.all(q),
      run: (q) => engine.run(q),
      bulkLoad: (table, columns, rows) => engine.bulkLoad(table, columns, rows),
      exportTo: (q, file, format) => engine.exportTo(q, file, format),
      read: (q) => this.#time('reference', () => engine.read(q)),
      stream: (q, chunkRows) => engine.stream(q, chunkRows),
      withLock: (name, work) => engine.withLock(name, work),
      tryWithLock: (name, work) => engine.tryWithLock(name, work),
      transaction: (work) => this.#transaction(engine, work),
      exclusive: (work) => engine.exclusive(work),
      close: () => engine.close(),
    };
  }

  /** A bus that is `bus`, the wall time of its outstanding publishes timed into this profile. */
  bus(bus: EventBus): EventBus {
    return {
      names: bus.names,
      publish: async (event) => {
        if (this.#publishing++ === 0) this.#publishStart = performance.now();
        try {
          return await bus.publish(event);
        } finally {
          if (--this.#publishing === 0) this.#add('publish', performance.now() - this.#publishStart);
        }
      },
      publishRaw: (subject, bytes) => bus.publishRaw(subject, bytes),
      consume: (options) => bus.consume(options),
      deadLetters: (options) => bus.deadLetters(options),
      close: () => bus.close(),
    };
  }

  async #transaction<T>(engine: Engine, work: (tx: SqlSession) => Promise<T>): Promise<T> {
    const start = performance.now();
    let workMs = 0;
    try {
      return await engine.transaction(async (tx) => {
        const workStart = performance.now();
        let phase: TxPhase = 'apply';
        let since = workStart;
        const mark = (q: SqlQuery | string) => {
          const sql = textOf(q);
          const next = STEP_MARKERS.slice(STEP_MARKERS.findIndex(([p]) => p === phase) + 1).find(([, is]) =>
            is(sql),
          );
          if (!next) return;
          const now = performance.now();
          this.#add(phase, now - since);
          [phase, since] = [next[0], now];
        };
        try {
          return await work({
            all: (q) => {
              mark(q);
              return tx.all(q);
            },
            run: (q) => {
              mark(q);
              return tx.run(q);
            },
            bulkLoad: (table, columns, rows) => tx.bulkLoad(table, columns, rows),
          });
        } finally {
          const end = performance.now();
          this.#add(phase, end - since);
          workMs = end - workStart;
        }
      });
    } finally {
      this.#add('commit', performance.now() - start - workMs);
    }
  }
}
