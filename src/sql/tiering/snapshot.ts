import { ATTRIBUTES, FEATURE_NAMES } from '../../contracts/tiering/features.js';
import { PIPELINE_TABLES, POLICY_COLUMNS } from '../../contracts/tiering/pipeline-tables.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { stateAfterRunSql } from '../stream/state-after-run-sql.js';

/** The latest committed run as of a date (ties: the one that finished last), or none. */
export function latestRunSql(d: Dialect, asOf: string | null): SqlQuery {
  return asOf === null
    ? sql(`SELECT run_id, as_of FROM tiering_runs ORDER BY as_of DESC, finished_at DESC LIMIT 1`)
    : sql(
        `SELECT run_id, as_of FROM tiering_runs WHERE as_of <= CAST(${d.param(1)} AS DATE) ORDER BY as_of DESC, finished_at DESC LIMIT 1`,
        [asOf],
      );
}

/** The run just before `runId` (by as-of date, then finish time). */
export function previousRunSql(d: Dialect, runId: string): SqlQuery {
  return sql(
    `SELECT p.run_id, p.as_of FROM tiering_runs p, tiering_runs r
     WHERE r.run_id = ${d.param(1)} AND p.run_id <> r.run_id
       AND (p.as_of < r.as_of OR (p.as_of = r.as_of AND p.finished_at < r.finished_at))
     ORDER BY p.as_of DESC, p.finished_at DESC LIMIT 1`,
    [runId],
  );
}

/**
 * TEMP previous_snapshot: the state after a run, its stream decisions included (or empty, with the same columns,
 * when there is none), so that hysteresis and actions continue from what the stream decided since.
 */
export function previousSnapshotSql(d: Dialect, runId: string | null): SqlQuery {
  const q = d.quoteIdent;
  const columns = ['customer_id', 'tier', 'candidate_tier', 'candidate_streak', 'score', 'tags'];
  return sql(
    `${d.tempTable} ${q(PIPELINE_TABLES.previous)} AS ${stateAfterRunSql(`CAST(${d.param(1)} AS VARCHAR)`, columns)}`,
    [runId ?? ''],
  );
}

export const dropTempSql = (d: Dialect, table: string): string =>
  `DROP TABLE IF EXISTS ${d.quoteIdent(table)}`;

/**
 * Writes the snapshot of a run (or of one segment of it: `pilot` names the pilot, null the national
 * configuration) from the pipeline's last table joined with the features, into tier_snapshots or into `target`
 * (a table of the same columns: see stageSnapshotRowsSql).
 */
export function insertSnapshotSql(
  d: Dialect,
  runId: string,
  modelNames: readonly string[],
  pilot: string | null = null,
  target = 'tier_snapshots',
): SqlQuery {
  const q = d.quoteIdent;
  const t = PIPELINE_TABLES.tagged;
  const f = PIPELINE_TABLES.features;
  const fromFeatures = [...ATTRIBUTES, ...FEATURE_NAMES].map((c) => `f.${q(c)}`);
  const fromTagged = [
    'score',
    'terms',
    'segment',
    'rank_pct',
    'candidate_tier',
    'candidate_streak',
    'tier',
    'tier_reason',
    'tags',
    'tag_reasons',
    ...POLICY_COLUMNS,
    'actions',
  ];
  const columns = [
    'run_id',
    'customer_id',
    ...ATTRIBUTES,
    ...FEATURE_NAMES,
    'model_scores',
    ...fromTagged,
    'pilot',
  ];
  const modelScores = d.listOf(modelNames.map((m) => `t.${q(`score_${m}`)}`));
  return sql(
    `INSERT INTO ${q(target)} (${columns.map(q).join(', ')})
     SELECT ${d.param(1)}, t.customer_id, ${fromFeatures.join(', ')}, ${modelScores}, ${fromTagged.map((c) => `t.${q(c)}`).join(', ')}, CAST(${d.param(2)} AS VARCHAR)
     FROM ${q(t)} t JOIN ${q(f)} f ON f.customer_id = t.customer_id`,
    [runId, pilot],
  );
}

/** TEMP tiering_snapshot_rows: empty, in the columns of tier_snapshots, to gather the segments' rows of a run. */
export const stageSnapshotRowsSql = (d: Dialect): string =>
  `${d.tempTable} ${d.quoteIdent(PIPELINE_TABLES.snapshotRows)} AS SELECT * FROM tier_snapshots WHERE 1 = 0`;

/** Writes the gathered rows of tiering_snapshot_rows to tier_snapshots. */
export const insertStagedSnapshotSql = (d: Dialect): string =>
  `INSERT INTO tier_snapshots SELECT * FROM ${d.quoteIdent(PIPELINE_TABLES.snapshotRows)}`;

export function insertRunSql(
  d: Dialect,
  run: {
    runId: string;
    asOf: string;
    startedAt: string;
    finishedAt: string;
    configHash: string;
    config: string;
    primaryModel: string;
    customers: number;
    durationMs: number;
    trigger: string;
  },
): SqlQuery {
  const p = (i: number) => d.param(i);
  return sql(
    `INSERT INTO tiering_runs (run_id, as_of, started_at, finished_at, config_hash, config, primary_model, customers, duration_ms, ${d.quoteIdent('trigger')})
     VALUES (${p(1)}, CAST(${p(2)} AS DATE), CAST(${p(3)} AS TIMESTAMPTZ), CAST(${p(4)} AS TIMESTAMPTZ), ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)})`,
    [
      run.runId,
      run.asOf,
      run.startedAt,
      run.finishedAt,
      run.configHash,
      run.config,
      run.primaryModel,
      run.customers,
      run.durationMs,
      run.trigger,
    ],
  );
}
