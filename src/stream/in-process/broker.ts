import { DEFAULT_DELIVERY_POLICY, type DeadLetter, type DeliveryPolicy, type PublishAck } from '../bus.js';
import { bodyText } from '../delivery.js';
import { streamNames, subjectKind, type StreamNames } from '../subjects.js';
import { DurableQueue, type QueueStore, type StoredMessage } from './durable-queue.js';

/**
 * The in-process stand-in for the JetStream server (embedded mode: `npm start` needs nothing beyond Node). It
 * stores what is published on the same subjects as the NATS stream, keeps the durable consumer's state, so that
 * a consumer stopped (or lost) and started again within the process gets every unacknowledged event, and keeps
 * dead letters. Buses (in-process-bus.ts) are its connections; several may share one broker.
 *
 * It lives in memory: events survive a consumer restart, not a process restart (the worker's idempotent handler
 * and the next batch run cover that in embedded mode). An inbound message is dropped once every durable has
 * acked it; outbound messages and dead letters are kept up to a cap, the oldest dropped first.
 */
export interface InProcessBrokerOptions {
  readonly names?: Partial<StreamNames>;
  readonly policy?: Partial<DeliveryPolicy>;
  /** Outbound events kept for readers (default 10 000). */
  readonly maxOutbound?: number;
  /** Dead letters kept (default 100 000). */
  readonly maxDeadLetters?: number;
}

export class InProcessBroker {
  readonly names: StreamNames;
  readonly policy: DeliveryPolicy;
  readonly #maxOutbound: number;
  readonly #maxDead: number;
  #seq = 0;
  readonly #inbound = new Map<number, StoredMessage>();
  readonly #outbound: StoredMessage[] = [];
  readonly #dead: DeadLetter[] = [];
  /** Event ids published within the duplicate window, oldest first (Map keeps insertion order). */
  readonly #recent = new Map<string, { readonly seq: number; readonly at: number }>();
  readonly #durables = new Map<string, DurableQueue>();

  constructor(options: InProcessBrokerOptions = {}) {
    this.names = streamNames(options.names);
    this.policy = { ...DEFAULT_DELIVERY_POLICY, ...options.policy };
    this.#maxOutbound = options.maxOutbound ?? 10_000;
    this.#maxDead = options.maxDeadLetters ?? 100_000;
  }

  /** Stores a message; `msgId` de-duplicates within the window like JetStream's Nats-Msg-Id. */
  append(subject: string, data: Uint8Array, msgId?: string): PublishAck {
    const kind = subjectKind(this.names, subject);
    if (!kind) throw new Error(`no stream stores subject ${subject} (stream ${this.names.stream})`);
    const now = Date.now();
    if (msgId !== undefined) {
      this.#forgetBefore(now - this.policy.duplicateWindowMs);
      const earlier = this.#recent.get(msgId);
      if (earlier) return { subject, seq: earlier.seq, duplicate: true };
    }
    const message: StoredMessage = { seq: ++this.#seq, subject, data };
    if (msgId !== undefined) this.#recent.set(msgId, { seq: message.seq, at: now });
    switch (kind) {
      case 'in':
        this.#inbound.set(message.seq, message);
        for (const durable of this.#durables.values()) durable.enqueue(message);
        break;
      case 'out':
        this.#outbound.push(message);
        if (this.#outbound.length > this.#maxOutbound) this.#outbound.shift();
        break;
      case 'dead':
        this.#keepDead({ message, reason: '', deliveries: 0, deadSeq: message.seq });
        break;
    }
    return { subject, seq: message.seq, duplicate: false };
  }

  /** The durable consumer of that name, created with every inbound message still stored (deliver all). */
  durable(name: string = this.names.durable): DurableQueue {
    let durable = this.#durables.get(name);
    if (!durable) {
      const store: QueueStore = {
        message: (seq) => this.#inbound.get(seq),
        release: (seq) => this.#release(seq),
        deadLetter: (message, reason, deliveries) =>
          this.#keepDead({ message, reason, deliveries, deadSeq: ++this.#seq }),
      };
      durable = new DurableQueue(this.names, this.policy, store);
      this.#durables.set(name, durable);
      for (const message of this.#inbound.values()) durable.enqueue(message);
    }
    return durable;
  }

  deadLetters(afterSeq = 0, limit = 1000): readonly DeadLetter[] {
    return this.#dead.filter((d) => d.deadSeq > afterSeq).slice(0, limit);
  }

  /** The outbound messages kept, oldest first. */
  outbound(): readonly StoredMessage[] {
    return [...this.#outbound];
  }

  #release(seq: number): void {
    for (const durable of this.#durables.values()) if (durable.holds(seq)) return;
    this.#inbound.delete(seq);
  }

  #keepDead(d: { message: StoredMessage; reason: string; deliveries: number; deadSeq: number }): DeadLetter {
    const letter: DeadLetter = {
      deadSeq: d.deadSeq,
      subject: d.message.subject,
      seq: d.message.seq,
      reason: d.reason,
      deliveries: d.deliveries,
      body: bodyText(d.message.data),
      deadAt: new Date().toISOString(),
    };
    this.#dead.push(letter);
    if (this.#dead.length > this.#maxDead) this.#dead.shift();
    return letter;
  }

  #forgetBefore(cutoff: number): void {
    for (const [id, { at }] of this.#recent) {
      if (at >= cutoff) break;
      this.#recent.delete(id);
    }
  }
}
