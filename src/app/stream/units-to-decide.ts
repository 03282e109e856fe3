import type { InboundEvent } from '../../contracts/events/inbound.js';
import { featureWindows, type FeatureParams } from '../../contracts/tiering/feature-params.js';
import type { TagName, Tier } from '../../contracts/tiering/tiers.js';
import type { CustomerState } from '../../domain/tiering/stream/decide-customer.js';
import {
  applyEventsToUnit,
  inputWindows,
  type InputWindows,
  type UnitInputs,
} from '../../domain/tiering/stream/unit-inputs.js';
import type { Engine, Row, SqlReader } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import {
  lastDecisionNumbersSql,
  latestDecisionsOfRunSql,
  latestDecisionsOfUnitsSql,
  runStatesSql,
} from '../../sql/stream/decision-sql.js';
import { countCustomersSql } from '../../sql/stream/unit-inputs-sql.js';
import { needsPredictions } from '../tiering/fill-predictions.js';
import { readsChurnModel } from '../tiering/churn-probabilities.js';
import { loadUnitInputs, type PagedReader } from './load-unit-inputs.js';
import type { RunReference } from './run-reference.js';
import {
  cacheStamp,
  readStreamVersions,
  type CachedUnit,
  type StreamVersions,
  type UnitCache,
} from './unit-cache.js';

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

function stateOf(r: Row): CustomerState {
  return {
    tier: (r.tier as Tier | null) ?? null,
    candidateTier: (r.candidate_tier as Tier | null) ?? null,
    candidateStreak: r.candidate_streak === null ? null : Number(r.candidate_streak),
    tags: list(r.tags) as TagName[],
    tagReasons: list(r.tag_reasons),
  };
}

/** The feature parameters of the stream's decisions under a run, as of a day. */
export const streamFeatureParams = (reference: RunReference, asOf: string): FeatureParams => ({
  asOf,
  longDays: reference.config.windows.longDays,
  shortDays: reference.config.windows.shortDays,
  unit: reference.config.unit,
});

export const streamWindows = (params: FeatureParams, timeZone: string): InputWindows =>
  inputWindows(featureWindows(params), params.longDays, timeZone);

/** The model outputs the stream carries over from the run's row (a CLV fit or a churn model is scored in batch). */
function carriedOutputs(reference: RunReference): readonly ('predicted_margin' | 'churn_probability')[] {
  return [
    ...(needsPredictions(reference.config) ? (['predicted_margin'] as const) : []),
    ...(readsChurnModel(reference.config) ? (['churn_probability'] as const) : []),
  ];
}

/**
 * What is known of some units (all: null) apart from their rows: the number of their last decision, their latest
 * decision's state under the run or else the run's row, and the carried model outputs.
 */
async function readUnitStates(
  reader: SqlReader,
  d: Dialect,
  reference: RunReference,
  unitInputs: ReadonlyMap<string, UnitInputs>,
  lastNo: ReadonlyMap<string, number>,
  all: boolean,
): Promise<CachedUnit[]> {
  const ids = all ? null : [...unitInputs.keys()];
  if (ids?.length === 0) return [];
  const runRows = new Map(
    (await reader.all(runStatesSql(d, reference.runId, ids))).map((r) => [String(r.customer_id), r]),
  );
  const states = new Map<string, CustomerState>([...runRows].map(([id, r]) => [id, stateOf(r)]));
  const latest =
    ids === null
      ? latestDecisionsOfRunSql(d, reference.runId)
      : latestDecisionsOfUnitsSql(d, reference.runId, ids);
  for (const r of await reader.all(latest)) states.set(String(r.customer_id), stateOf(r));
  const carried = carriedOutputs(reference);
  return [...unitInputs.values()].map((inputs) => {
    const run = runRows.get(inputs.unitId);
    return {
      inputs,
      decisionNo: lastNo.get(inputs.unitId) ?? 0,
      state: states.get(inputs.unitId),
      carried: Object.fromEntries(
        carried.map((c) => [c, run?.[c] === null || run?.[c] === undefined ? null : Number(run[c])]),
      ),
    };
  });
}

const lastNumbers = async (reader: SqlReader, d: Dialect, ids: readonly string[] | null) =>
  ids?.length === 0
    ? new Map<string, number>()
    : new Map(
        (await reader.all(lastDecisionNumbersSql(d, ids))).map((r) => [String(r.customer_id), Number(r.n)]),
      );

const onePage = (reader: SqlReader): PagedReader =>
  async function* (query) {
    yield await reader.all(query);
  };

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
  const loaded: ReadonlyMap<string, UnitInputs> =
    cold.length === 0 ? new Map() : await loadUnitInputs(onePage(tx), d, params, cold);
  for (const id of loaded.keys()) hot.delete(id);
  cache.count(hot.size, loaded.size);
  const read = await readUnitStates(
    tx,
    d,
    reference,
    loaded,
    await lastNumbers(tx, d, [...loaded.keys()]),
    false,
  );
  // In the order of their ids, as the batch computation's rows.
  const units = [...hot.values(), ...read].sort((a, b) => (a.inputs.unitId < b.inputs.unitId ? -1 : 1));
  return { stamp, units };
}

/**
 * Fills the cache with every unit as of today, when they fit (a worker's start): read from committed data, the
 * decision numbers first (so that a decision committed meanwhile makes its unit stale rather than wrong).
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
  const lastNo = await lastNumbers(reader, d, null);
  const params = streamFeatureParams(reference, asOf);
  const inputs = await loadUnitInputs((q) => engine.stream(q, 50_000), d, params, null);
  const units = await readUnitStates(reader, d, reference, inputs, lastNo, true);
  cache.install(stamp, units);
  return units.length;
}
