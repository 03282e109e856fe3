import type { RunRef } from '../../contracts/insights/common.js';
import type { Engine } from '../../engines/engine.js';
import { previousRunSql } from '../../sql/tiering/snapshot.js';

/** The run just before `runId` (by as-of date, then finish time), or null for the first run. */
export async function previousRun(engine: Engine, runId: string): Promise<RunRef | null> {
  const [row] = await engine.read(previousRunSql(engine.dialect, runId));
  return row ? { runId: String(row.run_id), asOf: String(row.as_of) } : null;
}
