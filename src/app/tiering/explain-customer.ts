import { stratumError } from '../../contracts/errors.js';
import type { Policy, TieringConfig } from '../../contracts/tiering/config.js';
import { featureVectorOf } from '../../contracts/tiering/features.js';
import { SnapshotRowSchema, type SnapshotRow } from '../../contracts/tiering/snapshot-row.js';
import { TIERS, type TagName, type Tier } from '../../contracts/tiering/tiers.js';
import { describeChange, type ChangeDescription } from '../../domain/tiering/describe-change.js';
import { policyFromColumns, type PolicyColumns } from '../../domain/tiering/policies/index.js';
import { explainScore, type TermContribution } from '../../domain/tiering/scoring/index.js';
import { evaluateTags } from '../../domain/tiering/tags/index.js';
import type { Engine } from '../../engines/engine.js';
import { runBoundariesSql, snapshotRowSql, survivorOfSql } from '../../sql/tiering/explain.js';
import { runInfoSql } from '../../sql/tiering/report.js';
import { previousRunSql } from '../../sql/tiering/snapshot.js';
import { segmentConfig } from '../../domain/tiering/pilots.js';
import { resolveRunId } from './build-report.js';
import { canonicalJson } from './config-hash.js';
import { storedConfig } from './stored-config.js';

/** The `stratum explain --json` document (documented contract: add fields, never rename). */
export interface Explanation {
  readonly customerId: string;
  /** Set when the id asked for was merged into this customer by cleaning. */
  readonly mergedFrom: string | null;
  readonly runId: string;
  readonly asOf: string;
  readonly name: string | null;
  readonly tier: Tier | null;
  readonly tierReason: string | null;
  readonly score: number | null;
  readonly rankPct: number | null;
  readonly segment: string | null;
  readonly model: string;
  /** The pilot whose configuration tiered the customer, or null for the national configuration. */
  readonly pilot: string | null;
  readonly contributions: readonly (TermContribution & { readonly change: number | null })[];
  /** Score range of each tier in the customer's scope: the boundaries its score was compared with. */
  readonly boundaries: readonly { tier: Tier; minScore: number; maxScore: number }[];
  readonly tags: readonly { tag: TagName; reason: string; reasonZh: string }[];
  readonly policy: Policy | null;
  readonly actions: readonly string[];
  readonly previous: {
    readonly runId: string;
    readonly tier: Tier | null;
    readonly score: number | null;
  } | null;
  readonly change: ChangeDescription | null;
}

async function snapshotRow(engine: Engine, runId: string, customerId: string): Promise<SnapshotRow | null> {
  const [raw] = await engine.all(snapshotRowSql(engine.dialect, runId, customerId));
  return raw ? (SnapshotRowSchema.parse(raw) as SnapshotRow) : null;
}

async function runInfo(engine: Engine, runId: string): Promise<{ asOf: string; config: TieringConfig }> {
  const [info] = await engine.all(runInfoSql(engine.dialect, runId));
  if (!info) throw stratumError('NOT_FOUND', `no tiering run ${runId}`, { what: 'run', id: runId });
  return { asOf: String(info.as_of), config: storedConfig(info.config) };
}

function contributionsOf(config: TieringConfig, row: SnapshotRow): TermContribution[] {
  const spec = config.models[config.primaryModel]!;
  return row.terms ? explainScore(spec, featureVectorOf(row), row.terms) : [];
}

const samePrimaryModel = (a: TieringConfig, b: TieringConfig): boolean =>
  canonicalJson(a.models[a.primaryModel]) === canonicalJson(b.models[b.primaryModel]);

/** Everything a run decided about one customer, why, and what changed since the run before. */
export async function explainCustomer(
  engine: Engine,
  requestedId: string,
  requestedRunId?: string,
): Promise<Explanation> {
  const d = engine.dialect;
  const runId = await resolveRunId(engine, requestedRunId);
  const run = await runInfo(engine, runId);
  const [merge] = await engine.all(survivorOfSql(d, requestedId));
  const customerId = merge ? String(merge.survivor_id) : requestedId;
  const row = await snapshotRow(engine, runId, customerId);
  if (!row)
    throw stratumError('NOT_FOUND', `customer ${requestedId} is not in run ${runId}`, {
      what: 'customer',
      id: requestedId,
    });
  // The configuration that tiered the customer: the pilot's in a pilot city, else the national one.
  const config = segmentConfig(run.config, row.pilot);

  const [prev] = await engine.all(previousRunSql(d, runId));
  const previousRow = prev ? await snapshotRow(engine, String(prev.run_id), customerId) : null;
  const previousConfig = previousRow
    ? segmentConfig((await runInfo(engine, previousRow.run_id)).config, previousRow.pilot)
    : null;
  const current = contributionsOf(config, row);
  // Term by term changes only mean something when the previous run scored with the same model.
  const before =
    previousRow && previousConfig && samePrimaryModel(config, previousConfig)
      ? contributionsOf(previousConfig, previousRow)
      : [];
  const contributions = current.map((c, i) => ({
    ...c,
    change: before[i] ? c.contribution - before[i].contribution : null,
  }));

  const scope = config.tiers.scope;
  const scopeValue = scope === 'all' ? null : row[scope];
  const boundaries = (await engine.all(runBoundariesSql(d, runId, row.pilot, scope, scopeValue)))
    .map((b) => ({ tier: b.tier as Tier, minScore: Number(b.min_score), maxScore: Number(b.max_score) }))
    .sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier));

  const tagReasons = new Map(
    evaluateTags(config.tags, { ...featureVectorOf(row), tier: row.tier }, config.windows).map((t) => [
      t.tag,
      t.reason,
    ]),
  );
  const tags = (row.tags ?? []).map((tag, i) => ({
    tag,
    reason: row.tag_reasons?.[i] ?? tagReasons.get(tag)?.en ?? '',
    reasonZh: tagReasons.get(tag)?.zh ?? '',
  }));
  const policy = row.payment_terms === null ? null : policyFromColumns(row as unknown as PolicyColumns);

  return {
    customerId,
    mergedFrom: merge ? requestedId : null,
    runId,
    asOf: run.asOf,
    name: row.name,
    tier: row.tier,
    tierReason: row.tier_reason,
    score: row.score,
    rankPct: row.rank_pct,
    segment: row.segment,
    model: config.primaryModel,
    pilot: row.pilot,
    contributions,
    boundaries,
    tags,
    policy,
    actions: row.actions ?? [],
    previous: previousRow
      ? { runId: previousRow.run_id, tier: previousRow.tier, score: previousRow.score }
      : null,
    change: previousRow
      ? describeChange(
          previousRow.tier,
          row.tier,
          current.map((c, i) => ({
            feature: c.feature,
            before: previousRow[c.feature],
            after: c.value,
            contributionBefore: before[i]?.contribution ?? 0,
            contributionAfter: c.contribution,
          })),
        )
      : null,
  };
}
