import type { TagName, Tier } from '../../contracts/tiering/tiers.js';
import type { CustomerState } from '../../domain/tiering/stream/decide-customer.js';
import type { Row, SqlReader } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import {
  latestDecisionsOfRunSql,
  latestDecisionsOfUnitsSql,
  runStatesSql,
} from '../../sql/stream/decision-sql.js';
import { needsPredictions } from '../tiering/fill-predictions.js';
import { readsChurnModel } from '../tiering/churn-probabilities.js';
import type { LoadedUnits } from './load-unit-inputs.js';
import type { RunReference } from './run-reference.js';
import type { CachedUnit } from './unit-cache.js';

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
export async function readUnitStates(
  reader: SqlReader,
  d: Dialect,
  reference: RunReference,
  loaded: LoadedUnits,
  all: boolean,
): Promise<CachedUnit[]> {
  const unitInputs = loaded.inputs;
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
      decisionNo: loaded.decisionNo.get(inputs.unitId) ?? 0,
      state: states.get(inputs.unitId),
      carried: Object.fromEntries(
        carried.map((c) => [c, run?.[c] === null || run?.[c] === undefined ? null : Number(run[c])]),
      ),
    };
  });
}
