import type { FeatureName } from '../../contracts/tiering/features.js';
import type { CustomerState } from '../../domain/tiering/stream/decide-customer.js';
import type { UnitInputs } from '../../domain/tiering/stream/unit-inputs.js';
import type { SqlReader } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { streamVersionsSql } from '../../sql/stream/stream-versions-sql.js';

/** What the order stream keeps of a unit between batches (issue 7: features updated by each event, not recomputed). */
export interface CachedUnit {
  readonly inputs: UnitInputs;
  /**
   * The number of the unit's last decision (0: none) when this was read or decided. The entry holds while the
   * database has the same: a decision by another worker (which applied events of the unit) makes it stale.
   */
  readonly decisionNo: number;
  /** Its latest decision's state, or the run's row; undefined for a unit neither has. */
  readonly state: CustomerState | undefined;
  /** The model outputs the stream carries over from the run's row. */
  readonly carried: Readonly<Partial<Record<FeatureName, number | null>>>;
}

/**
 * Units a worker keeps by default: about 10 KB each on the demo data (55 orders and 14 invoices a year), 500 MB
 * in all.
 */
export const DEFAULT_CACHED_UNITS = 50_000;

/**
 * The units a worker holds in memory, for one stamp: the reference run, the as-of day and the latest import and
 * cleaning run. Anything else that changes a unit's rows is an event, whose decision moves the unit's decision
 * number on. Entries are installed only after the batch that produced them committed; the least recently decided
 * go first when the cache is full.
 */
export class UnitCache {
  #stamp: string | null = null;
  readonly #units = new Map<string, CachedUnit>();
  readonly #unitOf = new Map<string, string>();
  #held = 0;
  #read = 0;

  constructor(readonly capacity: number = DEFAULT_CACHED_UNITS) {}

  /** Starts afresh when the stamp is not the one the entries were made under. */
  validate(stamp: string): void {
    if (stamp === this.#stamp) return;
    this.#stamp = stamp;
    this.#units.clear();
    this.#unitOf.clear();
  }

  /** Units decided from what the cache held, and units whose rows had to be read (not held, or stale). */
  get counts(): { readonly held: number; readonly read: number } {
    return { held: this.#held, read: this.#read };
  }

  count(held: number, read: number): void {
    this.#held += held;
    this.#read += read;
  }

  /** The cached unit a surviving customer belongs to. */
  unitOfCustomer(customerId: string): CachedUnit | undefined {
    const unitId = this.#unitOf.get(customerId);
    return unitId === undefined ? undefined : this.#units.get(unitId);
  }

  /** Keeps units decided (or read) under `stamp`; ignored if the cache has moved to another stamp since. */
  install(stamp: string, units: Iterable<CachedUnit>): void {
    if (stamp !== this.#stamp) return;
    for (const unit of units) {
      const id = unit.inputs.unitId;
      this.#forget(id);
      this.#units.set(id, unit);
      for (const c of unit.inputs.customers) this.#unitOf.set(c.customerId, id);
    }
    for (const id of this.#units.keys()) {
      if (this.#units.size <= this.capacity) break;
      this.#forget(id);
    }
  }

  #forget(unitId: string): void {
    const old = this.#units.get(unitId);
    if (!old) return;
    this.#units.delete(unitId);
    for (const c of old.inputs.customers)
      if (this.#unitOf.get(c.customerId) === unitId) this.#unitOf.delete(c.customerId);
  }
}

/** The latest run, and when data last arrived other than by events (streamVersionsSql). */
export interface StreamVersions {
  readonly runId: string | null;
  readonly imported: string | null;
  readonly cleaned: string | null;
}

export async function readStreamVersions(reader: SqlReader, d: Dialect): Promise<StreamVersions> {
  const [v] = await reader.all(streamVersionsSql(d));
  const text = (x: unknown) => (x === null || x === undefined ? null : String(x));
  return { runId: text(v?.run_id), imported: text(v?.imported), cleaned: text(v?.cleaned) };
}

/** The stamp of the cache entries made under some versions for an as-of day. */
export const cacheStamp = (v: StreamVersions, asOf: string): string =>
  [v.runId, asOf, v.imported, v.cleaned].map((x) => x ?? '').join('|');
