import type { InboundEvent } from '../../contracts/events/inbound.js';
import { featureWindows, type FeatureParams } from '../../contracts/tiering/feature-params.js';
import {
  applyEventsToUnit,
  inputWindows,
  type InputWindows,
} from '../../domain/tiering/stream/unit-inputs.js';
import type { Engine, SqlReader } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { lastDecisionNumbersSql } from '../../sql/stream/decision-sql.js';
import { countCustomersSql } from '../../sql/stream/unit-inputs-sql.js';
import { inOnePage, loadUnitInputs, type LoadedUnits } from './load-unit-inputs.js';
import { readUnitStates } from './read-unit-states.js';
import type { RunReference } from './run-reference.js';
import {
  cacheStamp,
  readStreamVersions,
  type CachedUnit,
  type StreamVersions,
  type UnitCache,
} from './unit-cache.js';

/** The feature parameters of the stream's decisions under a run, as of a day. */
export const streamFeatureParams = (reference: RunReference, asOf: string): FeatureParams => ({
  asOf,
  longDays: reference.config.windows.longDays,
  shortDays: reference.config.windows.shortDays,
  unit: reference.config.unit,
});

export const streamWindows = (params: FeatureParams, timeZone: string): InputWindows =>
  inputWindows(featureWindows(params), params.longDays, timeZone);

const lastNumbers = async (reader: SqlReader, d: Dialect, ids: readonly string[]) =>
  ids.length === 0
    ? new Map<string, number>()
    : new Map(
        (await reader.all(lastDecisionNumbersSql(d, ids))).map((r) => [String(r.customer_id), Number(r.n)]),
      );

/**
 * The units a batch's changes touched, each with its rows after the batch and what is known of it: from the cache
 * where the unit is held and still current (its events applied to the held rows, in memory), else read in the
 * batch's transaction (which sees the batch's own writes). Nothing is installed in the cache here: the caller
 * does it once the transaction committed.
 */
export async function unitsToDecide(
  tx: SqlReader,
  d: Dialect,
  reference: RunReference,
  changes: readonly { readonly survivorId: string; readonly event: InboundEvent }[],
  params: FeatureParams,
  w: InputWindows,
  cache: UnitCache,
  versions: StreamVersions,
): Promise<{ stamp: string; units: CachedUnit[] }> {
  const stamp = cacheStamp(versions, params.asOf);
  cache.validate(stamp);
  const eventsOf = new Map<string, InboundEvent[]>();
  for (const { survivorId, event } of changes)
    eventsOf.set(survivorId, [...(eventsOf.get(survivorId) ?? []), event]);

  const held = new Map<string, CachedUnit>();
  for (const survivor of eventsOf.keys()) {
    const unit = cache.unitOfCustomer(survivor);
    if (unit) held.set(unit.inputs.unitId, unit);
  }
  const current = await lastNumbers(tx, d, [...held.keys()]);
  const hot = new Map<string, CachedUnit>();
  for (const [id, unit] of held) {
    if ((current.get(id) ?? 0) !== unit.decisionNo) continue;
    const updated = applyEventsToUnit(unit.inputs, eventsOf, w);
    if (updated !== 'reload') hot.set(id, { ...unit, inputs: updated });
  }
  const cold = [...eventsOf.keys()].filter((s) => !hot.has(cache.unitOfCustomer(s)?.inputs.unitId ?? ''));
  const loaded: LoadedUnits =
    cold.length === 0
      ? { inputs: new Map(), decisionNo: new Map() }
      : await loadUnitInputs(inOnePage(tx), d, params, cold);
  for (const id of loaded.inputs.keys()) hot.delete(id);
  cache.count(hot.size, loaded.inputs.size);
  const read = await readUnitStates(tx, d, reference, loaded, false);
  // In the order of their ids, as the batch computation's rows.
  const units = [...hot.values(), ...read].sort((a, b) => (a.inputs.unitId < b.inputs.unitId ? -1 : 1));
  return { stamp, units };
}

/**
 * Fills the cache with every unit as of today, when they fit (a worker's start): read from committed data, the
 * decision numbers with the first read (so that a decision committed meanwhile makes its unit stale rather than
 * wrong).
 */
export async function preloadUnits(
  engine: Engine,
  reference: RunReference,
  asOf: string,
  cache: UnitCache,
): Promise<number> {
  const d = engine.dialect;
  const reader: SqlReader = { all: (q) => engine.read(q) };
  const [count] = await engine.read(countCustomersSql());
  if (Number(count?.n ?? 0) > cache.capacity) return 0;
  const versions = await readStreamVersions(reader, d);
  // A run committed since the reference was loaded: the first batch will load it, and read the units as needed.
  if (versions.runId !== reference.runId) return 0;
  const stamp = cacheStamp(versions, asOf);
  cache.validate(stamp);
  const params = streamFeatureParams(reference, asOf);
  const loaded = await loadUnitInputs((q) => engine.stream(q, 50_000), d, params, null);
  const units = await readUnitStates(reader, d, reference, loaded, true);
  cache.install(stamp, units);
  return units.length;
}
