import { z } from 'zod';
import { TAGS, TIERS } from '../../contracts/tiering/tiers.js';
import type { Engine } from '../../engines/engine.js';
import { runTiersSql } from '../../sql/api/customers/tier-lookup-sql.js';
import { LiveOverlay, type DecisionReader } from './live-overlay.js';
import { LruMap } from './lru-map.js';
import type { StreamOverlay } from './stream-overlay.js';

export const LookupRowSchema = z.object({
  customer_id: z.string(),
  tier: z.enum(TIERS).nullable(),
  score: z.number().nullable(),
  tags: z.array(z.enum(TAGS)).nullable(),
});
export type LookupRow = z.infer<typeof LookupRowSchema>;

/** Snapshot rows kept in memory per engine; a run up to this size is read whole on its first lookup. */
export const TIER_CACHE_ENTRIES = 200_000;

/**
 * Tier lookup rows by run and customer id. A committed run's snapshot never changes, so entries never go stale:
 * a run of at most TIER_CACHE_ENTRIES customers is read in one query on its first lookup (later lookups cost no
 * query at all), larger runs are cached row by row, least recently used first out. Beside them, the latest run's
 * stream decisions (a LiveOverlay, at most STREAM_REFRESH_MS old), which lookups of that run answer first. Only unscoped
 * lookups use it: ownership can change with the next import.
 */
export class TierCache {
  private readonly rows = new LruMap<string, LookupRow>(TIER_CACHE_ENTRIES);
  /** Runs read whole or being read, with whether they fitted. */
  private readonly whole = new Map<string, Promise<boolean>>();
  /** The overlay of the latest run looked up (older runs answer their snapshot). */
  private live: LiveOverlay | null = null;

  private static key = (runId: string, customerId: string) => `${runId}\u0000${customerId}`;

  get(runId: string, customerId: string): LookupRow | undefined {
    return this.rows.get(TierCache.key(runId, customerId));
  }

  set(runId: string, row: LookupRow): void {
    this.rows.set(TierCache.key(runId, row.customer_id), row);
  }

  /** Reads the whole run into the cache once, if it fits; true when it did (or had done). */
  async loadRun(engine: Engine, runId: string): Promise<boolean> {
    let loading = this.whole.get(runId);
    if (!loading) {
      loading = (async () => {
        const rows = await engine.read(runTiersSql(engine.dialect, runId, TIER_CACHE_ENTRIES + 1));
        if (rows.length > TIER_CACHE_ENTRIES) return false;
        for (const raw of rows) this.set(runId, LookupRowSchema.parse(raw));
        return true;
      })();
      this.whole.set(runId, loading);
      // Older runs' flags go once a newer run is read (their rows age out of the LRU map).
      for (const id of this.whole.keys()) if (id !== runId && this.whole.size > 4) this.whole.delete(id);
    }
    return loading;
  }

  /** The stream decisions under the latest run, `runId`, at most STREAM_REFRESH_MS old. */
  overlayOf(reader: DecisionReader, runId: string): Promise<StreamOverlay> {
    if (this.live?.runId !== runId) this.live = new LiveOverlay(runId);
    return this.live.current(reader);
  }
}

const caches = new WeakMap<Engine, TierCache>();

export function tierCacheOf(engine: Engine): TierCache {
  let c = caches.get(engine);
  if (!c) caches.set(engine, (c = new TierCache()));
  return c;
}
