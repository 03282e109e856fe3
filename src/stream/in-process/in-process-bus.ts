import type { InboundEvent } from '../../contracts/events/inbound.js';
import type { OutboundEvent } from '../../contracts/events/outbound.js';
import type { ConsumeOptions, DeadLetter, EventBus, EventConsumer, PublishAck } from '../bus.js';
import { encodeEvent, processMessage, withHeartbeat, type Outcome } from '../delivery.js';
import { eventSubject, type StreamNames } from '../subjects.js';
import { settledWithin } from '../wait.js';
import { InProcessBroker, type InProcessBrokerOptions } from './broker.js';
import type { ConsumerPort, DurableQueue, Settlement, SettleResult } from './durable-queue.js';

/** A connection to an in-process broker: the EventBus of the embedded mode. */
export class InProcessBus implements EventBus {
  readonly names: StreamNames;
  readonly #consumers = new Set<InProcessConsumer>();
  #closed = false;

  constructor(readonly broker: InProcessBroker) {
    this.names = broker.names;
  }

  async publish(event: InboundEvent | OutboundEvent): Promise<PublishAck> {
    this.#assertOpen();
    return this.broker.append(eventSubject(this.names, event), encodeEvent(event), event.id);
  }

  async publishRaw(subject: string, bytes: Uint8Array): Promise<PublishAck> {
    this.#assertOpen();
    return this.broker.append(subject, bytes);
  }

  async consume(options: ConsumeOptions): Promise<EventConsumer> {
    this.#assertOpen();
    const consumer = new InProcessConsumer(this.broker, this.broker.durable(), options, () =>
      this.#consumers.delete(consumer),
    );
    this.#consumers.add(consumer);
    consumer.start();
    return consumer;
  }

  async deadLetters(options: { afterSeq?: number; limit?: number } = {}): Promise<readonly DeadLetter[]> {
    return this.broker.deadLetters(options.afterSeq, options.limit);
  }

  /** Like a lost connection: running handlers are abandoned and their events redelivered at once. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#consumers].map((c) => c.stop({ graceMs: 0 })));
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('the event bus is closed');
  }
}

/** An in-process bus on a broker of its own (the usual embedded setup). */
export const openInProcessBus = (options: InProcessBrokerOptions = {}): InProcessBus =>
  new InProcessBus(new InProcessBroker(options));

class InProcessConsumer implements EventConsumer {
  readonly #running = new Set<Promise<void>>();
  readonly #concurrency: number;
  readonly #port: ConsumerPort;
  #accepting = true;
  #stopped: Promise<void> | undefined;

  constructor(
    private readonly broker: InProcessBroker,
    private readonly queue: DurableQueue,
    private readonly options: ConsumeOptions,
    private readonly onStopped: () => void,
  ) {
    this.#concurrency = Math.max(1, options.concurrency ?? 1);
    this.#port = {
      hasCapacity: () => this.#accepting && this.#running.size < this.#concurrency,
      deliver: (message, deliveryCount, settle, working) => {
        const run = this.#handle(message, deliveryCount, settle, working).finally(() => {
          this.#running.delete(run);
          this.queue.dispatch();
        });
        this.#running.add(run);
      },
    };
  }

  start(): void {
    this.queue.attach(this.#port);
  }

  stop(options: { graceMs?: number } = {}): Promise<void> {
    this.#stopped ??= (async () => {
      this.#accepting = false;
      await settledWithin(this.#running, options.graceMs ?? 30_000);
      this.queue.detach(this.#port);
      this.onStopped();
    })();
    return this.#stopped;
  }

  async #handle(
    message: { seq: number; subject: string; data: Uint8Array },
    deliveryCount: number,
    settle: (s: Settlement) => SettleResult,
    working: () => void,
  ): Promise<void> {
    const { names, policy } = this.broker;
    let outcome: Outcome;
    try {
      outcome = await withHeartbeat(policy, working, () =>
        processMessage(names, policy, { ...message, deliveryCount }, this.options.handler),
      );
    } catch (error) {
      this.options.onError?.(error);
      outcome = { kind: 'nak', delayMs: policy.nakDelayMs, error };
    }
    const { dead } = settle(outcome.kind === 'nak' ? { kind: 'nak', delayMs: outcome.delayMs } : outcome);
    if (dead) this.options.onDeadLetter?.(dead);
  }
}
