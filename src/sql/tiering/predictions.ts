import { PIPELINE_TABLES } from '../../contracts/tiering/pipeline-tables.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

/** The run's per-customer predictions (TEMP), loaded from the CLV fit before they fill tiering_features. */
export const PREDICTIONS_TABLE = 'tiering_predictions';

export const createPredictionsSql = (d: Dialect): string[] => [
  `DROP TABLE IF EXISTS ${d.quoteIdent(PREDICTIONS_TABLE)}`,
  `CREATE TEMP TABLE ${d.quoteIdent(PREDICTIONS_TABLE)} (customer_id VARCHAR PRIMARY KEY, predicted_margin DOUBLE PRECISION)`,
];

/**
 * Sets tiering_features.predicted_margin from the predictions: 0 for a customer without a purchase (nothing to
 * predict from), NULL where a prediction has no margin.
 */
export function fillPredictionsSql(d: Dialect): string[] {
  const f = d.quoteIdent(PIPELINE_TABLES.features);
  const p = d.quoteIdent(PREDICTIONS_TABLE);
  return [
    `UPDATE ${f} SET predicted_margin = 0`,
    `UPDATE ${f} SET predicted_margin = p.predicted_margin FROM ${p} p WHERE p.customer_id = ${f}.customer_id`,
    `DROP TABLE ${p}`,
  ];
}

/**
 * The stream keeps the predicted margin of its reference run: a CLV fit is a batch computation, and one order
 * moves a customer's prediction little between runs.
 */
export function carryPredictionsSql(d: Dialect, runId: string): SqlQuery {
  const f = d.quoteIdent(PIPELINE_TABLES.features);
  return sql(
    `UPDATE ${f} SET predicted_margin = s.predicted_margin FROM tier_snapshots s
WHERE s.run_id = ${d.param(1)} AND s.customer_id = ${f}.customer_id`,
    [runId],
  );
}
