import { headers } from '@nats-io/nats-core';
import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { ConsumeOptions, DeadLetter, DeliveryPolicy, EventConsumer } from '../bus.js';
import { bodyText, headerSafe, processMessage, withHeartbeat, type Outcome } from '../delivery.js';
import { deadLetterSubject, durableName, HEADERS, type StreamNames } from '../subjects.js';
import { settledWithin, sleep } from '../wait.js';
import { Slots } from './slots.js';

/**
 * Messages one pull asks for. The consumer hands out one at a time anyway (max_ack_pending 1); a pull that stays
 * open lets the server send the partition's next message as soon as it receives the ack, with no request between.
 * The client asks again when a quarter of it was delivered, so a larger pull means fewer requests: with 10, one
 * every 2–3 events; with 200, one every 50 (docs/benchmarks.md: the worker 7–9 and NATS 6–12 µs less CPU an event).
 */
const PULL_BATCH = 200;

/** How long a stopping consumer waits for its last acks to reach the server. */
const FLUSH_MS = 5_000;

/** After an error pulling from a consumer (server restart, consumer deleted), wait this long and retry. */
const RETRY_MS = 1_000;

/**
 * The pullers of one `consume()`: a loop per partition on that partition's durable consumer, which hands out one
 * message at a time (max_ack_pending 1), so a loop runs one handler at a time; `concurrency` caps the handlers of
 * all loops together. Workers in other processes pull from the same consumers and share the work.
 */
export class NatsConsumer implements EventConsumer {
  readonly #slots: Slots;
  readonly #running = new Set<Promise<void>>();
  readonly #loops: Promise<void>[] = [];
  readonly #pulls = new Set<ConsumerMessages>();
  #stopping = false;
  #stopped: Promise<void> | undefined;

  constructor(
    private readonly js: JetStreamClient,
    private readonly names: StreamNames,
    private readonly policy: DeliveryPolicy,
    private readonly options: ConsumeOptions,
    private readonly isClosed: () => boolean,
    /** Resolves once everything sent so far reached the server (the acks of a stopping worker). */
    private readonly flush: () => Promise<void>,
    private readonly onStopped: () => void,
  ) {
    this.#slots = new Slots(options.concurrency ?? 1);
  }

  start(): void {
    for (let p = 0; p < this.names.partitions; p++) this.#loops.push(this.#pull(p));
  }

  stop(options: { graceMs?: number } = {}): Promise<void> {
    this.#stopped ??= (async () => {
      this.#stopping = true;
      // Unsubscribing ends the pulls: the server skips a pull whose inbox lost interest, so the next message of a
      // partition waits for another consumer instead of being sent here. One already on its way, or held for a
      // free slot, returns after ack_wait.
      for (const pull of this.#pulls) pull.stop();
      this.#slots.wakeAll();
      const graceMs = options.graceMs ?? 30_000;
      const start = Date.now();
      await settledWithin(this.#running, graceMs);
      await settledWithin(this.#loops, Math.max(0, graceMs - (Date.now() - start)));
      // A closing connection does not send what it buffered: the last acks would be lost (and their events
      // redelivered). Bounded, as a connection waiting to reconnect answers no flush.
      if (!this.isClosed())
        await settledWithin(
          [this.flush().catch((error: unknown) => this.options.onError?.(error))],
          FLUSH_MS,
        );
      this.onStopped();
    })();
    return this.#stopped;
  }

  async #pull(partition: number): Promise<void> {
    while (!this.#stopping && !this.isClosed()) {
      let pull: ConsumerMessages | undefined;
      try {
        const consumer = await this.js.consumers.get(this.names.stream, durableName(this.names, partition));
        if (this.#stopping) break;
        pull = await consumer.consume({ max_messages: PULL_BATCH });
        this.#pulls.add(pull);
        if (this.#stopping) break; // stop() ran while the pull was being set up: `finally` ends it
        for await (const m of pull) {
          // A message that arrives as we stop is not nak'd but left to come back after ack_wait: on NATS 2.9 a
          // nak'd message whose redelivery went to a closed pull was seen delivered twice.
          if (this.#stopping) continue;
          await this.#slots.acquire();
          if (this.#stopping) {
            this.#slots.release();
            continue;
          }
          const run = this.#handle(m).finally(() => {
            this.#slots.release();
            this.#running.delete(run);
          });
          this.#running.add(run);
          await run; // one message of a partition at a time
        }
      } catch (error) {
        if (this.#stopping || this.isClosed()) break;
        this.options.onError?.(error);
      } finally {
        if (pull) {
          this.#pulls.delete(pull);
          pull.stop();
        }
      }
      // The pull ended without a stop (consumer deleted, server gone): try again shortly.
      if (!this.#stopping && !this.isClosed()) await sleep(RETRY_MS);
    }
  }

  async #handle(m: JsMsg): Promise<void> {
    const message = { subject: m.subject, seq: m.seq, deliveryCount: m.info.deliveryCount, data: m.data };
    let outcome: Outcome;
    try {
      outcome = await withHeartbeat(
        this.policy,
        () => {
          // A closed connection cannot say anything: its messages come back after ack_wait, as they should.
          if (!this.isClosed()) m.working();
        },
        () => processMessage(this.names, this.policy, message, this.options.handler),
      );
    } catch (error) {
      outcome = { kind: 'nak', delayMs: this.policy.nakDelayMs, error };
    }
    try {
      switch (outcome.kind) {
        case 'ack':
          // Not ackAck: its confirmation costs the server a reply and the client a request per event, and an ack
          // lost on the way ends as an unconfirmed one would, redelivered after ack_wait to an idempotent handler.
          m.ack();
          return;
        case 'nak':
          m.nak(outcome.delayMs);
          return;
        case 'dead':
          await this.#deadLetter(m, outcome.reason);
          return;
      }
    } catch (error) {
      // The message is redelivered after ack_wait (the handler is idempotent).
      // After close() this is the expected fate of an abandoned handler, not an error worth reporting.
      if (!this.isClosed()) this.options.onError?.(error);
    }
  }

  /** Publishes the message to the dead-letter subject, then terminates it; if the publish fails it retries. */
  async #deadLetter(m: JsMsg, reason: string): Promise<void> {
    const h = headers();
    h.set(HEADERS.reason, headerSafe(reason));
    h.set(HEADERS.subject, m.subject);
    h.set(HEADERS.seq, String(m.seq));
    h.set(HEADERS.deliveries, String(m.info.deliveryCount));
    let deadSeq: number;
    try {
      // The msgID makes a second dead-lettering of this message (a crash before term) a duplicate.
      const ack = await this.js.publish(deadLetterSubject(this.names), m.data, {
        headers: h,
        msgID: `dead:${this.names.stream}:${m.seq}`,
      });
      deadSeq = ack.seq;
    } catch (error) {
      m.nak(this.policy.nakDelayMs);
      throw error;
    }
    m.term();
    const letter: DeadLetter = {
      deadSeq,
      subject: m.subject,
      seq: m.seq,
      reason,
      deliveries: m.info.deliveryCount,
      body: bodyText(m.data),
      deadAt: new Date().toISOString(),
    };
    this.options.onDeadLetter?.(letter);
  }
}
