import { z } from 'zod';
import { TAGS, TIERS } from '../../contracts/tiering/tiers.js';
import type { Engine } from '../../engines/engine.js';
import { streamOverlaySql } from '../../sql/api/customers/stream-overlay-sql.js';
import { StreamOverlay, type StreamDecision } from './stream-overlay.js';

/** How old the stream overlay may be when a lookup answers from it: a decision shows within this of its commit. */
export const STREAM_REFRESH_MS = 1000;

export interface LiveOverlayOptions {
  /** How old the overlay may grow before a lookup reads the decisions made since (ms). */
  readonly refreshMs: number;
  /** The clock (ms since the epoch): the refresh interval and where the next read starts. */
  readonly now: () => number;
}

/** What the overlay reads through: the part of an engine it needs. */
export type DecisionReader = Pick<Engine, 'dialect' | 'read'>;

const DecisionRowSchema = z.object({
  customer_id: z.string(),
  decision_no: z.number().int(),
  tier: z.enum(TIERS).nullable(),
  score: z.number().nullable(),
  tags: z.array(z.enum(TAGS)).nullable(),
  decided_at: z.string(),
  cause_event_id: z.string(),
});

function decisionOf(raw: unknown): StreamDecision {
  const r = DecisionRowSchema.parse(raw);
  return {
    customerId: r.customer_id,
    decisionNo: r.decision_no,
    tier: r.tier,
    score: r.score,
    tags: r.tags ?? [],
    decidedAt: r.decided_at,
    causeEventId: r.cause_event_id,
  };
}

/**
 * A run's StreamOverlay kept at most `refreshMs` old without a timer: the lookup that finds it older reads the
 * decisions made since, and lookups meanwhile wait for that one read. A failed read is tried again by the next
 * lookup. Lookups within the interval cost no query.
 */
export class LiveOverlay {
  private readonly overlay = new StreamOverlay();
  /** When the last read began (the clock), -Infinity before the first or after a failure. */
  private readAt = -Infinity;
  private reading: Promise<StreamOverlay> | null = null;

  constructor(
    readonly runId: string,
    private readonly options: LiveOverlayOptions = { refreshMs: STREAM_REFRESH_MS, now: Date.now },
  ) {}

  async current(reader: DecisionReader): Promise<StreamOverlay> {
    if (this.reading) return this.reading;
    const now = this.options.now();
    // A clock set back reads too, rather than wait for it to catch up.
    if (now >= this.readAt && now - this.readAt < this.options.refreshMs) return this.overlay;
    this.readAt = now;
    this.reading = this.read(reader, now).finally(() => (this.reading = null));
    return this.reading;
  }

  private async read(reader: DecisionReader, readAt: number): Promise<StreamOverlay> {
    try {
      const rows = await reader.read(streamOverlaySql(reader.dialect, this.runId, this.overlay.readFrom));
      const fresh = rows.filter((r) => this.overlay.isNew(String(r.customer_id), Number(r.decision_no)));
      this.overlay.merge(fresh.map(decisionOf), readAt);
      return this.overlay;
    } catch (error) {
      this.readAt = -Infinity;
      throw error;
    }
  }
}
