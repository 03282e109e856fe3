import type { TieringConfig } from '../../contracts/tiering/config.js';
import { tieringSegments, type TieringSegment } from '../../domain/tiering/pilots.js';
import type { SqlSession } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { PIPELINE_TABLES } from '../../contracts/tiering/pipeline-tables.js';
import { scoringSql } from '../../sql/tiering/scoring/index.js';
import { dropTempSql } from '../../sql/tiering/snapshot.js';
import { restoreFeaturesSql, segmentFeaturesSql, stashFeaturesSql } from '../../sql/tiering/segments-sql.js';
import { tagsPoliciesSql } from '../../sql/tiering/tags-policies/index.js';

export interface SegmentHooks {
  readonly beforeScoring?: (segment: TieringSegment) => void;
  readonly beforeTags?: (segment: TieringSegment) => void;
  /** Runs with tiering_features and tiering_tagged holding the segment's rows only. */
  readonly tiered: (segment: TieringSegment) => Promise<void>;
}

/**
 * Scores, tiers, tags and policies the customers of tiering_features, each segment (national, then every pilot)
 * under its own configuration and within its own population. Afterwards tiering_features holds every customer
 * again (tiering_tagged the last segment's).
 */
export async function tierSegments(
  s: SqlSession,
  d: Dialect,
  config: TieringConfig,
  asOf: string,
  hooks: SegmentHooks,
): Promise<void> {
  const segments = tieringSegments(config);
  const split = segments.length > 1;
  if (split) await s.run(stashFeaturesSql(d));
  for (const segment of segments) {
    if (split) {
      await s.run(dropTempSql(d, PIPELINE_TABLES.features));
      await s.run(segmentFeaturesSql(d, segment.selector, segment.excluded));
    }
    hooks.beforeScoring?.(segment);
    for (const statement of scoringSql(d, segment.config, asOf)) await s.run(statement);
    hooks.beforeTags?.(segment);
    for (const statement of tagsPoliciesSql(d, segment.config)) await s.run(statement);
    await hooks.tiered(segment);
  }
  if (split) for (const statement of restoreFeaturesSql(d)) await s.run(statement);
}
