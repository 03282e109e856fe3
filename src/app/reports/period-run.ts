import type { Engine } from '../../engines/engine.js';
import { latestRunSql } from '../../sql/tiering/snapshot.js';
import type { RunRef } from '../customers/run-of.js';
import type { ReportSpan } from './report-period.js';

/** The latest run as of a date (null: the latest of all), or null when there is none. */
export async function runAsOf(engine: Engine, asOf: string | null): Promise<RunRef | null> {
  const [row] = await engine.all(latestRunSql(engine.dialect, asOf));
  return row ? { runId: String(row.run_id), asOf: String(row.as_of).slice(0, 10) } : null;
}

/** The latest run whose as-of date falls in the period, or null. */
export async function periodRun(engine: Engine, span: ReportSpan): Promise<RunRef | null> {
  const run = await runAsOf(engine, span.end);
  return run && run.asOf >= span.start ? run : null;
}
