import { stratumError } from '../../contracts/errors.js';
import type { FitResult } from '../../domain/clv/fit.js';
import type { TransactionModelKind } from '../../domain/clv/models.js';
import { weeklyExpectedPurchases } from '../../domain/forecast/weekly-purchases.js';
import type { Engine } from '../../engines/engine.js';
import { orderLineTransactions } from '../../sql/forecast/line-transactions.js';
import { customerSummaries } from '../clv/customer-summaries.js';
import { predictSummaries } from '../clv/predict-clv.js';

export interface CustomerValue {
  /** Customers with a purchase up to the as-of date, ordered by id. */
  readonly customerId: readonly string[];
  /** Expected line value of each customer in each week: one array per week, indexed like customerId. */
  readonly weeklyValue: readonly Float64Array[];
  readonly transactionFit: FitResult;
  readonly spendFit: FitResult;
}

/**
 * Each customer's expected order-line value in each of the next `weeks` weeks: the transaction model (in days)
 * gives the expected purchase days per week, Gamma-Gamma the expected value of a purchase day, both fitted to the
 * order-line history up to `asOf`. A fit stopped short of the tolerance by a flat likelihood is kept (its
 * `converged` says so): the predictions barely move along such a ridge.
 */
export async function expectedCustomerValue(
  engine: Engine,
  request: { readonly asOf: string; readonly weeks: number; readonly model: TransactionModelKind },
): Promise<CustomerValue> {
  const { asOf, weeks, model } = request;
  const d = engine.dialect;
  const s = await customerSummaries(engine, d, orderLineTransactions(d, asOf), {
    calibrationEnd: asOf,
    periodDays: 1,
  });
  const predictions = predictSummaries(s, {
    model,
    period: 'D',
    horizonDays: 7 * weeks,
    annualDiscountRate: 0,
    fit: { allowUnconverged: true },
  });
  const { transactionFit, spendFit } = predictions;
  const spend = predictions.customers.map((c) => c.expectedSpend);
  if (!spendFit || !spend.every(Number.isFinite))
    throw stratumError(
      'MODEL_FIT_FAILED',
      'gamma_gamma: no finite expected value per purchase (too few repeat purchases with a positive value)',
      { model: 'gamma_gamma' },
    );
  const purchases = weeklyExpectedPurchases(model, transactionFit.params, weeks, 7, s.x, s.tx, s.T);
  return {
    customerId: s.customerId,
    weeklyValue: purchases.map((week) => week.map((e, i) => e * (spend[i] as number))),
    transactionFit,
    spendFit,
  };
}
