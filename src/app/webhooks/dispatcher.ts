import { afterFailure, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../domain/webhooks/retry-policy.js';
import type { Signer } from '../../domain/webhooks/signature.js';
import type { Engine } from '../../engines/engine.js';
import { Mutex } from '../../engines/mutex.js';
import {
  dueDeliveriesSql,
  recordAttemptSql,
  type AttemptOutcome,
} from '../../sql/webhooks/deliveries-sql.js';
import { hmacSha256Hex } from './hmac.js';
import { sendDelivery, type OutgoingDelivery, type SendResult } from './send-delivery.js';

export interface DispatcherDeps {
  readonly engine: Engine;
  readonly fetch: typeof fetch;
  readonly now: () => Date;
  /** In [0, 1), for the jitter of retries (Math.random by default). */
  readonly random?: () => number;
  readonly sign?: Signer;
  readonly policy?: RetryPolicy;
  /** Per attempt, connection and response included (default 10 s). */
  readonly timeoutMs?: number;
  /** Deliveries taken per round (default 100). */
  readonly batchSize?: number;
  /** Requests in flight at once (default 8). */
  readonly concurrency?: number;
  /** Pause between rounds when nothing more is due (default 1 s). */
  readonly intervalMs?: number;
  /** Called with an error a round could not handle (a database error); the loop carries on. */
  readonly onError?: (error: unknown) => void;
}

export interface DeliveryRound {
  readonly attempted: number;
  readonly delivered: number;
  /** Failed and scheduled again. */
  readonly retrying: number;
  /** Failed for the last time. */
  readonly dead: number;
}

export interface Dispatcher {
  /**
   * One round: sends the deliveries due at `now` (at most batchSize) and records each outcome; nothing while
   * another instance is in its round.
   */
  deliverDue(now?: Date): Promise<DeliveryRound>;
  /** Starts the polling loop (idempotent). */
  start(): void;
  /** Stops the loop and waits for the round in flight. */
  stop(): Promise<void>;
}

const WEBHOOKS_LOCK = 'stratum:webhooks';
const IDLE: DeliveryRound = { attempted: 0, delivered: 0, retrying: 0, dead: 0 };

async function mapPool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The webhook dispatcher: polls the outbox for pending deliveries that are due, POSTs each signed body, and
 * records the outcome (delivered; or attempts + 1 and the next attempt after a backoff; or dead after the last).
 * At-least-once: an outcome is recorded only after the POST, so a crash in between sends the delivery again with
 * the same Idempotency-Key.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const policy = deps.policy ?? DEFAULT_RETRY_POLICY;
  const random = deps.random ?? Math.random;
  const sign = deps.sign ?? hmacSha256Hex;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const batchSize = deps.batchSize ?? 100;
  const concurrency = deps.concurrency ?? 8;
  const intervalMs = deps.intervalMs ?? 1_000;
  const rounds = new Mutex();
  const d = deps.engine.dialect;

  const outcomeOf = (row: { id: string; attempts: number }, r: SendResult, now: Date): AttemptOutcome => {
    const attempts = row.attempts + 1;
    if (r.ok)
      return {
        deliveryId: row.id,
        status: 'delivered',
        attempts,
        nextAttemptAt: null,
        statusCode: r.statusCode,
        error: null,
        deliveredAt: now.toISOString(),
      };
    const next = afterFailure(policy, attempts, now, random());
    return {
      deliveryId: row.id,
      status: next.status,
      attempts,
      nextAttemptAt: next.status === 'pending' ? next.nextAttemptAt.toISOString() : null,
      statusCode: r.statusCode,
      error: r.error,
      deliveredAt: null,
    };
  };

  const round = async (now: Date): Promise<DeliveryRound> => {
    const rows = await deps.engine.all(dueDeliveriesSql(d, now.toISOString(), batchSize));
    const due = rows.map((r) => ({
      id: String(r.delivery_id),
      attempts: Number(r.attempts),
      out: {
        deliveryId: String(r.delivery_id),
        eventType: String(r.event_type),
        url: String(r.url),
        secret: String(r.secret),
        body: String(r.payload),
      } satisfies OutgoingDelivery,
    }));
    const outcomes = await mapPool(due, concurrency, async (row) =>
      outcomeOf(row, await sendDelivery(deps.fetch, sign, row.out, now.getTime(), timeoutMs), now),
    );
    if (outcomes.length > 0)
      await deps.engine.transaction(async (tx) => {
        for (const o of outcomes) await tx.run(recordAttemptSql(d, o));
      });
    return {
      attempted: outcomes.length,
      delivered: outcomes.filter((o) => o.status === 'delivered').length,
      retrying: outcomes.filter((o) => o.status === 'pending').length,
      dead: outcomes.filter((o) => o.status === 'dead').length,
    };
  };

  // Instances sharing a database take turns (a named lock): a delivery is sent by one of them, once per attempt.
  const deliverDue = (now: Date = deps.now()) =>
    rounds.exclusive(
      async () => (await deps.engine.tryWithLock(WEBHOOKS_LOCK, () => round(now)))?.value ?? IDLE,
    );

  let running = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<unknown> = Promise.resolve();

  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      timer = null;
      const work = deliverDue().then(
        (r) => (r.attempted >= batchSize ? 0 : intervalMs),
        (e: unknown) => {
          deps.onError?.(e);
          return intervalMs;
        },
      );
      inFlight = work;
      void work.then((next) => {
        if (running) schedule(next);
      });
    }, delayMs);
    timer.unref?.();
  };

  return {
    deliverDue,
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight.catch(() => undefined);
    },
  };
}
