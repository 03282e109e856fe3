import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { InboundEvent } from '../src/contracts/events/inbound.js';
import { openNatsBus } from '../src/stream/nats/nats-bus.js';
import type { StreamNames } from '../src/stream/subjects.js';
import { publishPaced, type PublishLog } from './stream-load.js';

/** What the benchmark sends its producer process. */
type ToProducer =
  | { readonly kind: 'open'; readonly servers: string; readonly names: StreamNames }
  | { readonly kind: 'publish'; readonly events: readonly InboundEvent[]; readonly rate: number };

/** What the producer process answers. */
type FromProducer =
  | { readonly kind: 'ready' }
  /** Ids published since the last report, each with its publish time in ms since the Unix epoch. */
  | { readonly kind: 'sent'; readonly sent: readonly (readonly [string, number])[] }
  | { readonly kind: 'failed'; readonly id: string }
  | { readonly kind: 'published'; readonly publishedPerS: number }
  | { readonly kind: 'error'; readonly message: string };

/** How often the producer reports what it published. */
const REPORT_MS = 5;

/**
 * The benchmark's producer runs in a process of its own, as an order system would: in the worker's process its
 * paced publishing and acknowledgements took a share of the one thread the worker has, and its ticks came late
 * (in bursts) whenever a batch ran JavaScript. It still runs on the same two cores, and its CPU is counted apart.
 */
export class ProducerProcess {
  readonly #child: ChildProcess;
  #log: PublishLog | null = null;
  #waiting: { resolve(m: FromProducer): void; reject(e: Error): void } | null = null;

  private constructor(child: ChildProcess) {
    this.#child = child;
    child.on('message', (m: FromProducer) => this.#receive(m));
    child.on('exit', (code) => this.#waiting?.reject(new Error(`the producer process exited (${code})`)));
  }

  static async start(servers: string, names: StreamNames): Promise<ProducerProcess> {
    const producer = new ProducerProcess(fork(fileURLToPath(import.meta.url), [], { stdio: 'inherit' }));
    await producer.#request({ kind: 'open', servers, names });
    return producer;
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** Publishes the events at `rate` a second from the producer process, each logged with its publish time. */
  async publish(
    events: readonly InboundEvent[],
    rate: number,
    log: PublishLog,
  ): Promise<{ readonly publishedPerS: number }> {
    this.#log = log;
    try {
      const done = await this.#request({ kind: 'publish', events, rate });
      if (done.kind !== 'published') throw new Error(`unexpected answer of the producer: ${done.kind}`);
      return { publishedPerS: done.publishedPerS };
    } finally {
      this.#log = null;
    }
  }

  /** Ends the producer process (it closes its connection first). */
  async close(): Promise<void> {
    if (this.#child.exitCode !== null || !this.#child.connected) return;
    const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()));
    this.#child.disconnect();
    await exited;
  }

  #receive(m: FromProducer): void {
    switch (m.kind) {
      case 'sent':
        // Into this process's clock (performance.now()), as the consumer's times are.
        for (const [id, epochMs] of m.sent) this.#log?.sent(id, epochMs - performance.timeOrigin);
        return;
      case 'failed':
        this.#log?.failed(m.id);
        return;
      case 'error':
        this.#waiting?.reject(new Error(`producer: ${m.message}`));
        return;
      default:
        this.#waiting?.resolve(m);
    }
  }

  #request(m: ToProducer): Promise<FromProducer> {
    return new Promise<FromProducer>((resolve, reject) => {
      this.#waiting = { resolve, reject };
      this.#child.send(m);
    }).finally(() => (this.#waiting = null));
  }
}

/** The producer process: opens the bus, then publishes what it is sent. */
function serve(): void {
  const send = (m: FromProducer) => process.send?.(m);
  let bus: Awaited<ReturnType<typeof openNatsBus>> | null = null;
  process.on('message', (m: ToProducer) => {
    void (async () => {
      if (m.kind === 'open') {
        bus = await openNatsBus({
          servers: m.servers,
          names: m.names,
          connectionName: 'stratum bench producer',
        });
        send({ kind: 'ready' });
        return;
      }
      const open = bus;
      if (!open) throw new Error('publish before open');
      let sent: [string, number][] = [];
      const report = () => {
        if (sent.length > 0) send({ kind: 'sent', sent });
        sent = [];
      };
      const timer = setInterval(report, REPORT_MS);
      try {
        const log: PublishLog = {
          sent: (eventId) => void sent.push([eventId, performance.timeOrigin + performance.now()]),
          failed: (eventId) => {
            report();
            send({ kind: 'failed', id: eventId });
          },
        };
        const { publishedPerS } = await publishPaced(m.events, m.rate, (e) => open.publish(e), log);
        report();
        send({ kind: 'published', publishedPerS });
      } finally {
        clearInterval(timer);
      }
    })().catch((error: unknown) =>
      send({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  });
  process.on('disconnect', () => void (bus?.close() ?? Promise.resolve()).finally(() => process.exit(0)));
}

if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) serve();
