import { PIPELINE_TABLES } from '../../contracts/tiering/pipeline-tables.js';
import type { SqlSession } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { analyzeTables } from '../analyze-tables.js';
import { importedIdsSql } from '../../sql/features/context.js';
import { featuresSql, type FeatureParams } from '../../sql/features/features-sql.js';

/** The imported ids a computation for some customers reads (a session temp table). */
const SCOPE_TABLE = 'tiering_feature_scope';

/**
 * Computes the features as of `params.asOf` into the session's temp table `tiering_features` (replacing a
 * previous one) and returns its row count. Runs entirely in the engine. With `only` (a table with the
 * customer_id of surviving customers), for those customers' units alone, reading only their rows.
 */
export async function computeFeatures(
  session: SqlSession,
  d: Dialect,
  params: FeatureParams,
  only?: string,
): Promise<{ customers: number }> {
  const table = d.quoteIdent(PIPELINE_TABLES.features);
  await session.run(`DROP TABLE IF EXISTS ${table}`);
  await session.run(`DROP TABLE IF EXISTS ${d.quoteIdent(SCOPE_TABLE)}`);
  if (only !== undefined) {
    await session.run(importedIdsSql(d, only, params.unit, SCOPE_TABLE));
    await analyzeTables(session, d, [SCOPE_TABLE]);
  }
  await session.run(featuresSql(d, params, only === undefined ? undefined : SCOPE_TABLE));
  await analyzeTables(session, d, [PIPELINE_TABLES.features]);
  const [row] = await session.all(`SELECT count(*) AS n FROM ${table}`);
  return { customers: Number(row?.n ?? 0) };
}
