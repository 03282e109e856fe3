import { stratumError } from '../../contracts/errors.js';
import type { Engine, Row } from '../../engines/engine.js';
import { runAsOfSql } from '../../sql/api/customers/customer-detail-sql.js';
import { latestRunSql } from '../../sql/tiering/snapshot.js';

export interface RunRef {
  readonly runId: string;
  readonly asOf: string;
}

const runRef = (row: Row | undefined): RunRef | null =>
  row ? { runId: String(row.run_id), asOf: String(row.as_of) } : null;

/** The latest committed run as of a date (null: of all), or null when there is none. */
export async function latestRun(engine: Engine, asOf: string | null = null): Promise<RunRef | null> {
  return runRef((await engine.read(latestRunSql(engine.dialect, asOf)))[0]);
}

/** The run asked for, or the latest committed one; NOT_FOUND when there is none. */
export async function runOf(engine: Engine, runId?: string): Promise<RunRef> {
  const run =
    runId === undefined
      ? await latestRun(engine)
      : runRef((await engine.read(runAsOfSql(engine.dialect, runId)))[0]);
  if (!run)
    throw stratumError('NOT_FOUND', runId === undefined ? 'no tiering run yet' : `no tiering run ${runId}`, {
      what: 'run',
      id: runId ?? '(latest)',
    });
  return run;
}

/** How long the latest run id is reused without asking the database (tier lookups are hammered by integrations). */
export const LATEST_RUN_TTL_MS = 1000;
const latest = new WeakMap<Engine, { run: RunRef; until: number }>();

/**
 * runOf with the latest run remembered for LATEST_RUN_TTL_MS per engine: a lookup then costs one query, and a new
 * run is seen within a second. Explicit run ids are always checked.
 */
export async function cachedRunOf(engine: Engine, runId?: string): Promise<RunRef> {
  if (runId !== undefined) return runOf(engine, runId);
  const now = performance.now();
  const hit = latest.get(engine);
  if (hit && hit.until > now) return hit.run;
  const run = await runOf(engine);
  latest.set(engine, { run, until: now + LATEST_RUN_TTL_MS });
  return run;
}
