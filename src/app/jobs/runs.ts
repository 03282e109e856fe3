import { stratumError } from '../../contracts/errors.js';
import type { RunInfo } from '../../contracts/tiering/run-info.js';
import { TIERS, type Tier } from '../../contracts/tiering/tiers.js';

export type { RunInfo } from '../../contracts/tiering/run-info.js';
import type { Engine, Row } from '../../engines/engine.js';
import { countRunsSql, listRunsSql, runRowSql } from '../../sql/jobs/runs-sql.js';
import { buildReport, type TieringReport } from '../tiering/build-report.js';

const toRunInfo = (r: Row): RunInfo => ({
  runId: String(r.run_id),
  asOf: String(r.as_of),
  startedAt: String(r.started_at),
  finishedAt: String(r.finished_at),
  configHash: String(r.config_hash),
  configVersion:
    r.config_version === null || r.config_version === undefined ? null : Number(r.config_version),
  primaryModel: String(r.primary_model),
  customers: Number(r.customers),
  durationMs: Number(r.duration_ms),
  trigger: String(r.trigger),
  tiers: Object.fromEntries(TIERS.map((t) => [t, Number(r[`tier_${t}`] ?? 0)])) as Record<Tier, number>,
  excluded: Number(r.tier_excluded ?? 0),
});

/** Runs newest first (as-of date, then finish time), a page at a time, with the total. */
export async function listRuns(
  engine: Engine,
  page: { limit: number; offset: number },
): Promise<{ runs: RunInfo[]; total: number }> {
  const rows = await engine.all(listRunsSql(engine.dialect, page));
  const [count] = await engine.all(countRunsSql());
  return { runs: rows.map(toRunInfo), total: Number(count?.n ?? 0) };
}

/** Customers moving from a tier (or new/excluded) to a tier (or gone/excluded): matrix[from][to]. */
export type MigrationMatrix = Record<string, Record<string, number>>;

export interface RunDetail {
  readonly run: RunInfo;
  /** The `stratum report --json` document: tier shares, tags, migration since the previous run, distribution. */
  readonly report: TieringReport;
  /** The report's migration list as a matrix. */
  readonly migrationMatrix: MigrationMatrix;
}

export async function runDetail(engine: Engine, runId: string): Promise<RunDetail> {
  const [row] = await engine.all(runRowSql(engine.dialect, runId));
  if (!row) throw stratumError('NOT_FOUND', `no tiering run ${runId}`, { what: 'run', id: runId });
  const report = await buildReport(engine, runId);
  const migrationMatrix: MigrationMatrix = {};
  for (const m of report.migration) (migrationMatrix[m.from] ??= {})[m.to] = m.customers;
  return { run: toRunInfo(row), report, migrationMatrix };
}
