import type { InboundEvent } from '../src/contracts/events/inbound.js';
import { quantileCont } from '../src/domain/tiering/scoring/index.js';
import { sleep } from '../src/stream/wait.js';

/** What a publisher tells of each event: published at `at` (performance.now() of the tracker's process), or failed. */
export interface PublishLog {
  sent(id: string, at?: number): void;
  failed(id: string): void;
}

/** Publish time of each event in flight (by id) and the latency of each one done; times from performance.now(). */
export class LatencyTracker implements PublishLog {
  readonly #sentAt = new Map<string, number>();
  /** Done before the producer process's report of its publishing arrived. */
  readonly #doneEarly = new Map<string, number>();
  readonly #latencies: number[] = [];
  #firstSent = Infinity;
  #lastDone = -Infinity;
  #drained: (() => void) | undefined;

  sent(id: string, at = performance.now()): void {
    this.#firstSent = Math.min(this.#firstSent, at);
    const doneAt = this.#doneEarly.get(id);
    if (doneAt === undefined) this.#sentAt.set(id, at);
    else {
      this.#doneEarly.delete(id);
      this.#latencies.push(doneAt - at);
      if (this.#sentAt.size === 0) this.#drained?.();
    }
  }

  /** Not published after all: forgets it. */
  failed(id: string): void {
    this.#sentAt.delete(id);
  }

  /**
   * The event is done (committed, or consumed); a redelivery of one done already is ignored. One not known to be
   * published yet is kept until its report arrives (the producer reports every few milliseconds).
   */
  done(id: string): void {
    const now = performance.now();
    this.#lastDone = now;
    const sentAt = this.#sentAt.get(id);
    if (sentAt === undefined) {
      if (!this.#doneEarly.has(id)) this.#doneEarly.set(id, now);
      return;
    }
    this.#sentAt.delete(id);
    this.#latencies.push(now - sentAt);
    if (this.#sentAt.size === 0) this.#drained?.();
  }

  get pending(): number {
    return this.#sentAt.size;
  }

  /** Resolves true once nothing is pending, false after `ms`. */
  async drained(ms: number): Promise<boolean> {
    if (this.pending === 0) return true;
    const done = new Promise<true>((resolve) => (this.#drained = () => resolve(true)));
    return Promise.race([done, sleep(ms).then(() => this.pending === 0)]);
  }

  figures(): LatencyFigures {
    const sorted = Float64Array.from(this.#latencies).sort();
    const q = (p: number) => quantileCont(sorted, p) ?? NaN;
    const spanS = (this.#lastDone - this.#firstSent) / 1000;
    return {
      done: sorted.length,
      sustainedPerS: sorted.length / spanS,
      p50: q(0.5),
      p95: q(0.95),
      p99: q(0.99),
      max: sorted.at(-1) ?? NaN,
    };
  }
}

export interface LatencyFigures {
  readonly done: number;
  /** Events done / (last done − first published). */
  readonly sustainedPerS: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Publishes whose acknowledgement may be outstanding at once: beyond it the publisher waits (no flooding). */
const MAX_IN_FLIGHT = 2_000;
/** The publisher's clock tick: each tick publishes what the rate says is due by then. */
const TICK_MS = 2;

/**
 * Publishes `events` at `rate` per second by the wall clock, without awaiting each acknowledgement (a serial await
 * would cap the rate at one round trip per event). Returns the rate actually achieved.
 */
export async function publishPaced(
  events: readonly InboundEvent[],
  rate: number,
  publish: (event: InboundEvent) => Promise<unknown>,
  log: PublishLog,
): Promise<{ readonly publishedPerS: number }> {
  const inFlight = new Set<Promise<void>>();
  const failures: unknown[] = [];
  const start = performance.now();
  let next = 0;
  while (next < events.length) {
    const due = Math.min(events.length, Math.ceil(((performance.now() - start) / 1000) * rate));
    for (; next < due && inFlight.size < MAX_IN_FLIGHT; next++) {
      const event = events[next]!;
      log.sent(event.id);
      const ack = publish(event).then(
        () => undefined,
        (error: unknown) => {
          log.failed(event.id);
          failures.push(error);
        },
      );
      inFlight.add(ack);
      void ack.finally(() => inFlight.delete(ack));
    }
    await sleep(TICK_MS);
  }
  const elapsedS = (performance.now() - start) / 1000;
  await Promise.all(inFlight);
  if (failures.length > 0)
    throw new Error(`${failures.length} of ${events.length} publishes failed, e.g. ${String(failures[0])}`);
  return { publishedPerS: events.length / elapsedS };
}
