import type { Engine } from '../engines/engine.js';
import type { EventBus } from '../stream/bus.js';

/** What the server's routes and background work use; passed explicitly (STYLE.md habit 11). */
export interface ApiDeps {
  readonly engine: Engine;
  /** Time zone of the data and of schedules without their own. */
  readonly timeZone: string;
  /** The clock, replaceable in tests. */
  readonly now: () => Date;
  /** Where webhook deliveries and other outgoing calls go through (fetch by default). */
  readonly fetch: typeof fetch;
  /** Where POST /events publishes; null when the server runs without an event stream (the route answers 503). */
  readonly bus: EventBus | null;
}
