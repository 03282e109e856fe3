import { TieringConfigSchema, type TieringConfig } from '../../contracts/tiering/config.js';
import { ATTRIBUTES, FEATURE_NAMES, featureVectorOf } from '../../contracts/tiering/features.js';
import {
  buildScoringReference,
  type ReferenceRow,
  type ScoringReference,
} from '../../domain/tiering/stream/scoring-reference.js';
import type { Engine } from '../../engines/engine.js';
import { sql } from '../../sql/query.js';
import { runInfoSql } from '../../sql/tiering/report.js';
import { latestRunSql } from '../../sql/tiering/snapshot.js';

/** The batch run the stream decides against: its configuration, as-of date and frozen population. */
export interface RunReference {
  readonly runId: string;
  readonly asOf: string;
  readonly config: TieringConfig;
  readonly scoring: ScoringReference;
}

const PAGE_ROWS = 50_000;

/** The id of the latest committed run (the one the stream must decide against), or null before the first. */
export async function latestRunId(engine: Engine): Promise<string | null> {
  const [latest] = await engine.read(latestRunSql(engine.dialect, null));
  return latest ? String(latest.run_id) : null;
}

/** Loads a run's configuration and every customer's features and primary score from its snapshot. */
export async function loadRunReference(engine: Engine, runId: string): Promise<RunReference> {
  const d = engine.dialect;
  const [info] = await engine.read(runInfoSql(d, runId));
  if (!info) throw new Error(`run ${runId} does not exist`);
  const config = TieringConfigSchema.parse(JSON.parse(String(info.config)));
  const columns = ['customer_id', ...ATTRIBUTES, ...FEATURE_NAMES, 'score'].map((c) => d.quoteIdent(c));
  const rows: ReferenceRow[] = [];
  const query = sql(`SELECT ${columns.join(', ')} FROM tier_snapshots WHERE run_id = ${d.param(1)}`, [runId]);
  for await (const page of engine.stream(query, PAGE_ROWS))
    for (const r of page) rows.push({ ...featureVectorOf(r), score: Number(r.score) });
  return { runId, asOf: String(info.as_of), config, scoring: buildScoringReference(config, rows) };
}
