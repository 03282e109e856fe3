import { PIPELINE_TABLES } from '../../contracts/tiering/pipeline-tables.js';
import type { SqlSession } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { ALL_FEATURES } from '../../sql/tiering/segments-sql.js';
import { dropTempSql } from '../../sql/tiering/snapshot.js';

/**
 * Drops the temp tables a tiering pipeline leaves on its connection (every pipeline table but the stored
 * overrides, the features set aside while pilots' segments are tiered) and `extra`. Runs and what-ifs build them
 * outside any transaction, so one that fails midway must drop them itself: a later one on the same connection
 * (the server's) would otherwise find them there.
 */
export async function dropPipelineTables(
  s: SqlSession,
  d: Dialect,
  extra: readonly string[] = [],
): Promise<void> {
  for (const t of [...Object.values(PIPELINE_TABLES), ALL_FEATURES, ...extra])
    if (t !== PIPELINE_TABLES.overrides) await s.run(dropTempSql(d, t));
}
