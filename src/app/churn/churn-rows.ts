import type { ChurnPopulation } from '../../contracts/churn/model.js';
import type { Engine } from '../../engines/engine.js';
import {
  churnPopulationSql,
  churnRowsSql,
  CHURN_POPULATION_TABLE,
} from '../../sql/churn/churn-population-sql.js';
import { featureMatrix } from '../../domain/churn/feature-matrix.js';
import type { CustomerRows } from '../../domain/churn/fit-models.js';
import { computeFeatures } from '../tiering/compute-features.js';
import { CHURN_FEATURES, churnFeatureValues } from './churn-features.js';

export interface ChurnRowsAt extends CustomerRows {
  readonly asOf: string;
}

/**
 * The population as of `asOf` with its features, computed in the engine (session temp tables tiering_features
 * and churn_population), one row per customer in id order. `labelled`: with the outcome over the population's
 * window (it must lie within the data); otherwise every y is 0 and only the features count.
 */
export async function churnRowsAt(
  engine: Engine,
  asOf: string,
  population: ChurnPopulation,
  labelled: boolean,
): Promise<ChurnRowsAt> {
  const d = engine.dialect;
  const { longDays, shortDays, activeDays, windowDays } = population;
  await computeFeatures(engine, d, { asOf, longDays, shortDays, unit: 'customer' });
  await engine.run(`DROP TABLE IF EXISTS ${d.quoteIdent(CHURN_POPULATION_TABLE)}`);
  await engine.run(
    churnPopulationSql(d, { asOf, activeDays, windowDays: labelled ? windowDays : undefined }),
  );
  const rows = await engine.all(churnRowsSql(d));
  return {
    asOf,
    customerIds: rows.map((r) => String(r.customer_id)),
    x: featureMatrix(
      CHURN_FEATURES,
      rows.map((r) => churnFeatureValues(r)),
    ),
    y: Uint8Array.from(rows, (r) => Number(r.churned ?? 0)),
  };
}
