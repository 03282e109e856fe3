import { stratumError } from '../../contracts/errors.js';
import type { TieringConfig } from '../../contracts/tiering/config.js';
import { readsPredictions } from '../../contracts/tiering/model-terms.js';
import type { SqlSession } from '../../engines/engine.js';
import { orderTransactions } from '../../sql/clv/order-transactions.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { createOutputSql, fillOutputSql, outputTable } from '../../sql/tiering/model-outputs.js';
import { customerSummaries } from '../clv/customer-summaries.js';
import { predictSummaries } from '../clv/predict-clv.js';

/** The fits behind a run's predicted_margin (in the run summary). */
export interface PredictionFit {
  readonly model: string;
  readonly params: Readonly<Record<string, number>>;
  readonly logLikelihood: number;
  readonly spendParams: Readonly<Record<string, number>> | null;
  readonly customers: number;
}

export const needsPredictions = (config: Pick<TieringConfig, 'models'>): boolean =>
  Object.values(config.models).some(readsPredictions);

/**
 * Fits the configured CLV model and Gamma-Gamma to every customer's orders up to the end of `asOf` (days as the
 * time unit), predicts each customer's margin over the horizon and writes it into tiering_features.
 */
export async function fillPredictions(
  tx: SqlSession,
  d: Dialect,
  config: Pick<TieringConfig, 'prediction' | 'unit'>,
  asOf: string,
): Promise<PredictionFit> {
  if (config.unit === 'chain')
    throw stratumError(
      'CONFIG_INVALID',
      'predicted_margin is predicted per customer; a model reading it needs unit: customer',
      { issues: ['unit: chain with a model reading predicted_margin'] },
    );
  const summaries = await customerSummaries(tx, d, orderTransactions(d, asOf), {
    calibrationEnd: asOf,
    periodDays: 1,
  });
  const predictions = predictSummaries(summaries, {
    model: config.prediction.model,
    period: 'D',
    horizonDays: config.prediction.horizonDays,
    annualDiscountRate: 0,
    fit: { penalty: config.prediction.penalty },
  });
  for (const statement of createOutputSql(d, 'predicted_margin')) await tx.run(statement);
  await tx.bulkLoad(
    outputTable('predicted_margin'),
    ['customer_id', 'value'],
    predictions.customers.map((c) => [
      c.customerId,
      Number.isFinite(c.predictedMargin) ? String(c.predictedMargin) : null,
    ]),
  );
  // A customer without a purchase has nothing to predict from: 0.
  for (const statement of fillOutputSql(d, 'predicted_margin', 0)) await tx.run(statement);
  const t = predictions.transactionFit;
  return {
    model: t.model,
    params: t.params,
    logLikelihood: t.logLikelihood,
    spendParams: predictions.spendFit?.params ?? null,
    customers: t.customers,
  };
}
