import { PIPELINE_TABLES } from '../../contracts/tiering/pipeline-tables.js';
import type { SqlSession } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { analyzeTables } from '../analyze-tables.js';
import { featuresSql, type FeatureParams } from '../../sql/features/features-sql.js';

/**
 * Computes the features as of `params.asOf` into the session's temp table `tiering_features` (replacing a
 * previous one) and returns its row count. Runs entirely in the engine.
 */
export async function computeFeatures(
  session: SqlSession,
  d: Dialect,
  params: FeatureParams,
): Promise<{ customers: number }> {
  const table = d.quoteIdent(PIPELINE_TABLES.features);
  await session.run(`DROP TABLE IF EXISTS ${table}`);
  await session.run(featuresSql(d, params));
  await analyzeTables(session, d, [PIPELINE_TABLES.features]);
  const [row] = await session.all(`SELECT count(*) AS n FROM ${table}`);
  return { customers: Number(row?.n ?? 0) };
}
