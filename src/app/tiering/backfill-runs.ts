import type { TieringConfig } from '../../contracts/tiering/config.js';
import type { Engine } from '../../engines/engine.js';
import { sql } from '../../sql/query.js';
import { canonicalJson, sha256 } from './config-hash.js';
import { runTiering, type RunSummary } from './run-tiering.js';

export interface BackfillRequest {
  readonly config: TieringConfig;
  readonly dates: readonly string[];
  /** Skip dates that already have a run with this very configuration (so that a rerun adds nothing). */
  readonly skipExisting?: boolean;
  readonly onRun?: (done: number, total: number, summary: RunSummary | null) => void;
}

/** Runs the tiering as of each date in order, each in its own transaction; returns the runs made. */
export async function backfillRuns(engine: Engine, request: BackfillRequest): Promise<RunSummary[]> {
  const d = engine.dialect;
  const hash = sha256(canonicalJson(request.config));
  const runs: RunSummary[] = [];
  for (const [i, asOf] of request.dates.entries()) {
    if (request.skipExisting) {
      const [existing] = await engine.all(
        sql(
          `SELECT run_id FROM tiering_runs WHERE as_of = CAST(${d.param(1)} AS DATE) AND config_hash = ${d.param(2)} LIMIT 1`,
          [asOf, hash],
        ),
      );
      if (existing) {
        request.onRun?.(i + 1, request.dates.length, null);
        continue;
      }
    }
    const summary = await runTiering(engine, { config: request.config, asOf, trigger: 'backfill' });
    runs.push(summary);
    request.onRun?.(i + 1, request.dates.length, summary);
  }
  return runs;
}
