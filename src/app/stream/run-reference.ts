import { type TieringConfig } from '../../contracts/tiering/config.js';
import {
  ATTRIBUTES,
  FEATURE_NAMES,
  featureVectorOf,
  type FeatureVector,
} from '../../contracts/tiering/features.js';
import { pilotOfCity, tieringSegments } from '../../domain/tiering/pilots.js';
import {
  buildScoringReference,
  type ReferenceRow,
  type ScoringReference,
} from '../../domain/tiering/stream/scoring-reference.js';
import type { Engine } from '../../engines/engine.js';
import { sql } from '../../sql/query.js';
import { runInfoSql } from '../../sql/tiering/report.js';
import { latestRunSql } from '../../sql/tiering/snapshot.js';
import { storedConfig } from '../tiering/stored-config.js';

/** One segment of a run (national or a pilot): its configuration and its frozen population. */
export interface SegmentReference {
  readonly pilot: string | null;
  readonly config: TieringConfig;
  readonly scoring: ScoringReference;
}

/** The batch run the stream decides against: its configuration, as-of date and frozen populations. */
export interface RunReference {
  readonly runId: string;
  readonly asOf: string;
  /** The run's configuration, pilots included: windows and unit are the same for every segment. */
  readonly config: TieringConfig;
  /** The national segment first, then each pilot's. */
  readonly segments: readonly SegmentReference[];
}

const PAGE_ROWS = 50_000;

/** The id of the latest committed run (the one the stream must decide against), or null before the first. */
export async function latestRunId(engine: Engine): Promise<string | null> {
  const [latest] = await engine.read(latestRunSql(engine.dialect, null));
  return latest ? String(latest.run_id) : null;
}

/**
 * The segment a customer is decided in: the one the run tiered it in (membership is frozen at the run, like the
 * population it is ranked against), else, for a customer new since the run, the one of its city.
 */
export function segmentOf(reference: RunReference, vector: FeatureVector): SegmentReference {
  const pilot =
    reference.segments.find((s) => s.scoring.rowOf.has(vector.customerId))?.pilot ??
    pilotOfCity(reference.config, vector.city);
  return reference.segments.find((s) => s.pilot === pilot) ?? reference.segments[0]!;
}

/** Loads a run's configuration and every customer's features and primary score from its snapshot. */
export async function loadRunReference(engine: Engine, runId: string): Promise<RunReference> {
  const d = engine.dialect;
  const [info] = await engine.read(runInfoSql(d, runId));
  if (!info) throw new Error(`run ${runId} does not exist`);
  const config = storedConfig(info.config);
  const columns = ['customer_id', ...ATTRIBUTES, ...FEATURE_NAMES, 'score', 'pilot'].map((c) =>
    d.quoteIdent(c),
  );
  const rows = new Map<string | null, ReferenceRow[]>();
  const query = sql(`SELECT ${columns.join(', ')} FROM tier_snapshots WHERE run_id = ${d.param(1)}`, [runId]);
  for await (const page of engine.stream(query, PAGE_ROWS))
    for (const r of page) {
      const pilot = r.pilot === null || r.pilot === undefined ? null : String(r.pilot);
      const segmentRows = rows.get(pilot) ?? [];
      segmentRows.push({ ...featureVectorOf(r), score: Number(r.score) });
      rows.set(pilot, segmentRows);
    }
  return {
    runId,
    asOf: String(info.as_of),
    config,
    segments: tieringSegments(config).map((s) => ({
      pilot: s.pilot,
      config: s.config,
      scoring: buildScoringReference(s.config, rows.get(s.pilot) ?? []),
    })),
  };
}
