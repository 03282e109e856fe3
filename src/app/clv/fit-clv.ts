import { stratumError } from '../../contracts/errors.js';
import {
  ClvFitError,
  ClvInputError,
  fitGammaGamma,
  fitTransactionModel,
  type FitOptions,
  type FitResult,
} from '../../domain/clv/fit.js';
import { groupHistories, type Histories } from '../../domain/clv/histories.js';
import type { ClvModelKind, TransactionModelKind } from '../../domain/clv/models.js';
import { groupedHistoriesSql, type SummaryWindow } from '../../sql/clv/summary-sql.js';
import { customerSummaries, type CustomerSummaries } from './customer-summaries.js';
import type { TransactionData } from './transaction-data.js';

/**
 * Repeat buyers' spend, one group per customer: the Gamma-Gamma data. Customers whose repeat purchases net to
 * nothing or less (refunded) carry no spend information and are left out.
 */
export function spendOf(s: CustomerSummaries) {
  const repeaters = [...s.x.keys()].filter((i) => (s.x[i] as number) > 0);
  if (repeaters.some((i) => Number.isNaN(s.zbar[i])))
    throw stratumError(
      'INVALID_ARGUMENT',
      'gamma_gamma needs spend: give --amount-col, or a summary with monetary/zbar',
      { field: 'amount' },
    );
  const keep = repeaters.filter((i) => (s.zbar[i] as number) > 0);
  return {
    x: Float64Array.from(keep, (i) => s.x[i] as number),
    zbar: Float64Array.from(keep, (i) => s.zbar[i] as number),
    weight: new Float64Array(keep.length).fill(1),
  };
}

/** Each customer's (x, zbar) for Gamma-Gamma predictions: no usable spend counts as x = 0 (the population mean). */
export function spendInputs(s: CustomerSummaries): { x: Float64Array; zbar: Float64Array } {
  const usable = (i: number) => (s.x[i] as number) > 0 && (s.zbar[i] as number) > 0;
  return {
    x: Float64Array.from(s.x, (x, i) => (usable(i) ? x : 0)),
    zbar: Float64Array.from(s.zbar, (z, i) => (usable(i) ? z : 0)),
  };
}

/** Runs a fit, turning the domain's errors into the registry's: bad data names its field, a failed fit its model. */
export function reportingErrors<T>(model: string, fit: () => T): T {
  try {
    return fit();
  } catch (error) {
    if (error instanceof ClvFitError)
      throw stratumError('MODEL_FIT_FAILED', `${model}: ${error.message}`, { model });
    if (error instanceof ClvInputError)
      throw stratumError('INVALID_ARGUMENT', `${model}: ${error.message}`, { field: error.field ?? 'data' });
    throw error;
  }
}

/** Fits a model to customer summaries already in memory (a summary file, or an evaluation's calibration). */
export function fitSummaries(s: CustomerSummaries, model: ClvModelKind, options: FitOptions = {}): FitResult {
  return reportingErrors(model, () =>
    model === 'gamma_gamma'
      ? fitGammaGamma(spendOf(s), options)
      : fitTransactionModel(model, groupHistories(s.x, s.tx, s.T).histories, options),
  );
}

/**
 * Fits a model to purchases in an engine. Transaction models read histories grouped by the engine, one row per
 * distinct (x, t_x, T); Gamma-Gamma reads every repeat buyer's summary.
 */
export async function fitTransactions(
  data: TransactionData,
  window: SummaryWindow,
  model: ClvModelKind,
  options: FitOptions = {},
): Promise<FitResult> {
  const d = data.engine.dialect;
  if (model === 'gamma_gamma')
    return fitSummaries(await customerSummaries(data.engine, d, data.source, window), model, options);
  const histories = await groupedHistories(data, window);
  return reportingErrors(model, () => fitTransactionModel(model as TransactionModelKind, histories, options));
}

async function groupedHistories(data: TransactionData, window: SummaryWindow): Promise<Histories> {
  const rows = await data.engine.all(groupedHistoriesSql(data.engine.dialect, data.source, window));
  const column = (key: string) => Float64Array.from(rows, (r) => Number(r[key]));
  return { x: column('x'), tx: column('t_x'), T: column('T'), weight: column('n') };
}
