import type { DeadLetter, DeliveryPolicy } from '../bus.js';
import { parseInboundSubject, type StreamNames } from '../subjects.js';

/**
 * One durable consumer of the in-process broker: what JetStream keeps per durable (delivered, pending, ack
 * floor), with the same rule per partition as the NATS consumers: at most one unacknowledged message, the
 * partition's oldest, so that a customer's events are applied in order whichever consumer takes them.
 */

export interface StoredMessage {
  readonly seq: number;
  readonly subject: string;
  readonly data: Uint8Array;
}

/** How a consumer settles a delivery. */
export type Settlement =
  | { readonly kind: 'ack' }
  | { readonly kind: 'nak'; readonly delayMs: number }
  | { readonly kind: 'dead'; readonly reason: string };

/** Whether a settlement was applied (false when the delivery had expired or been taken back), and the dead letter. */
export interface SettleResult {
  readonly applied: boolean;
  readonly dead?: DeadLetter;
}

/** A consumer attached to the queue (the bus's side). */
export interface ConsumerPort {
  /** Whether it takes another delivery now. */
  hasCapacity(): boolean;
  /** Starts handling a message, to be settled once; `working` restarts its ack timeout (still being handled). */
  deliver(
    message: StoredMessage,
    deliveryCount: number,
    settle: (s: Settlement) => SettleResult,
    working: () => void,
  ): void;
}

/** What the queue needs from the broker. */
export interface QueueStore {
  message(seq: number): StoredMessage | undefined;
  /** The queue is done with a message (acked or dead). */
  release(seq: number): void;
  deadLetter(message: StoredMessage, reason: string, deliveries: number): DeadLetter;
}

interface InFlight {
  readonly consumer: ConsumerPort;
  timer: ReturnType<typeof setTimeout>;
}

/** A FIFO of sequence numbers without Array.shift's copying (a backlog can be long). */
class SeqQueue {
  #items: number[] = [];
  #head = 0;
  get first(): number | undefined {
    return this.#items[this.#head];
  }
  push(seq: number): void {
    this.#items.push(seq);
  }
  shift(): void {
    this.#head += 1;
    if (this.#head >= 1024 && this.#head * 2 >= this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }
}

interface Lane {
  /** Unacknowledged messages of the partition in stream order; the first is the only one deliverable. */
  readonly seqs: SeqQueue;
  /** Deliveries of the first message so far. */
  deliveries: number;
  /** When the first message may be delivered again (after a nak). */
  availableAt: number;
  inFlight: InFlight | undefined;
}

export class DurableQueue {
  readonly #lanes = new Map<number, Lane>();
  /** Every unacknowledged sequence number of this durable. */
  readonly #pending = new Set<number>();
  readonly #consumers: ConsumerPort[] = [];
  #next = 0;
  #dispatching = false;
  #again = false;
  #wake: ReturnType<typeof setTimeout> | undefined;
  #wakeAt = Infinity;

  constructor(
    private readonly names: StreamNames,
    private readonly policy: DeliveryPolicy,
    private readonly store: QueueStore,
  ) {}

  enqueue(message: StoredMessage): void {
    const partition = parseInboundSubject(this.names, message.subject)?.partition;
    if (partition === undefined) return;
    let lane = this.#lanes.get(partition);
    if (!lane)
      this.#lanes.set(
        partition,
        (lane = { seqs: new SeqQueue(), deliveries: 0, availableAt: 0, inFlight: undefined }),
      );
    lane.seqs.push(message.seq);
    this.#pending.add(message.seq);
    this.dispatch();
  }

  /** Whether a message is still unacknowledged here (the broker keeps it until no queue holds it). */
  holds(seq: number): boolean {
    return this.#pending.has(seq);
  }

  attach(consumer: ConsumerPort): void {
    this.#consumers.push(consumer);
    this.dispatch();
  }

  /** A consumer is gone: its deliveries in flight are redelivered at once (their late settlements ignored). */
  detach(consumer: ConsumerPort): void {
    const i = this.#consumers.indexOf(consumer);
    if (i >= 0) this.#consumers.splice(i, 1);
    for (const lane of this.#lanes.values())
      if (lane.inFlight?.consumer === consumer) this.#takeBack(lane, Date.now());
    this.dispatch();
  }

  /** Hands deliverable messages (stream order across partitions) to consumers with capacity, in turn. */
  dispatch(): void {
    if (this.#dispatching) {
      this.#again = true;
      return;
    }
    this.#dispatching = true;
    try {
      do {
        this.#again = false;
        this.#dispatchRound();
      } while (this.#again);
    } finally {
      this.#dispatching = false;
    }
  }

  #dispatchRound(): void {
    const now = Date.now();
    let earliest = Infinity;
    for (;;) {
      const consumer = this.#nextConsumer();
      if (!consumer) break;
      let best: Lane | undefined;
      for (const lane of this.#lanes.values()) {
        const head = lane.seqs.first;
        if (head === undefined || lane.inFlight) continue;
        if (lane.availableAt > now) earliest = Math.min(earliest, lane.availableAt);
        else if (!best || head < (best.seqs.first ?? Infinity)) best = lane;
      }
      if (!best) break;
      this.#deliver(best, consumer);
    }
    this.#scheduleWake(earliest);
  }

  /** The next consumer with capacity, round robin, so that several consumers share the work. */
  #nextConsumer(): ConsumerPort | undefined {
    const n = this.#consumers.length;
    for (let k = 0; k < n; k++) {
      const consumer = this.#consumers[(this.#next + k) % n];
      if (consumer?.hasCapacity()) {
        this.#next = (this.#next + k + 1) % n;
        return consumer;
      }
    }
    return undefined;
  }

  #deliver(lane: Lane, consumer: ConsumerPort): void {
    const seq = lane.seqs.first;
    const message = seq === undefined ? undefined : this.store.message(seq);
    if (!message) {
      lane.seqs.shift(); // cannot happen: the broker keeps what a queue holds
      if (seq !== undefined) this.#pending.delete(seq);
      return;
    }
    const expire = () => {
      const timer = setTimeout(() => {
        if (lane.inFlight === inFlight) {
          this.#takeBack(lane, Date.now());
          this.dispatch();
        }
      }, this.policy.ackWaitMs);
      timer.unref();
      return timer;
    };
    const inFlight: InFlight = { consumer, timer: expire() };
    lane.inFlight = inFlight;
    lane.deliveries += 1;
    const working = () => {
      if (lane.inFlight !== inFlight) return;
      clearTimeout(inFlight.timer);
      inFlight.timer = expire();
    };
    consumer.deliver(
      message,
      lane.deliveries,
      (settlement) => {
        if (lane.inFlight !== inFlight) return { applied: false };
        clearTimeout(inFlight.timer);
        lane.inFlight = undefined;
        let dead: DeadLetter | undefined;
        if (settlement.kind === 'nak') lane.availableAt = Date.now() + settlement.delayMs;
        else {
          if (settlement.kind === 'dead')
            dead = this.store.deadLetter(message, settlement.reason, lane.deliveries);
          lane.seqs.shift();
          this.#pending.delete(message.seq);
          lane.deliveries = 0;
          lane.availableAt = 0;
          this.store.release(message.seq);
        }
        this.dispatch();
        return dead ? { applied: true, dead } : { applied: true };
      },
      working,
    );
  }

  #takeBack(lane: Lane, now: number): void {
    if (lane.inFlight) clearTimeout(lane.inFlight.timer);
    lane.inFlight = undefined;
    lane.availableAt = now;
  }

  #scheduleWake(at: number): void {
    if (at === Infinity || at >= this.#wakeAt) return;
    if (this.#wake) clearTimeout(this.#wake);
    this.#wakeAt = at;
    this.#wake = setTimeout(
      () => {
        this.#wake = undefined;
        this.#wakeAt = Infinity;
        this.dispatch();
      },
      Math.max(0, at - Date.now()),
    );
    this.#wake.unref();
  }
}
