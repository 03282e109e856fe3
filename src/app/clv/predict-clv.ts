import { PERIOD_DAYS, type Period } from '../../contracts/clv/periods.js';
import type { FitOptions, FitResult } from '../../domain/clv/fit.js';
import type { TransactionModelKind } from '../../domain/clv/models.js';
import {
  customerLifetimeValue,
  expectedPurchases,
  expectedSpend,
  probabilityAlive,
} from '../../domain/clv/predict.js';
import { customerSummaries, type CustomerSummaries } from './customer-summaries.js';
import { fitSummaries, spendInputs } from './fit-clv.js';
import type { TransactionData } from './transaction-data.js';

export interface PredictRequest {
  readonly model: TransactionModelKind;
  /** The last day of the history the predictions start from. */
  readonly asOf: string;
  readonly period: Period;
  /** Prediction horizon in days (e.g. 365). */
  readonly horizonDays: number;
  /** Annual discount rate of the CLV (e.g. 0.1); cash flows are discounted monthly. */
  readonly annualDiscountRate: number;
  readonly fit?: FitOptions;
}

/** One customer's predictions (`stratum clv predict`, and the predicted_margin feature of tiering). */
export interface CustomerPrediction {
  readonly customerId: string;
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  readonly probabilityAlive: number;
  /** Expected purchases (purchase days) in the horizon. */
  readonly expectedPurchases: number;
  /** Gamma-Gamma expected amount per purchase; NaN without amounts. */
  readonly expectedSpend: number;
  /** Expected purchases × expected spend × the customer's margin rate over the horizon, undiscounted. */
  readonly predictedMargin: number;
  /** Discounted revenue over the horizon in monthly periods. */
  readonly clv: number;
}

export interface ClvPredictions {
  readonly transactionFit: FitResult;
  readonly spendFit: FitResult | null;
  readonly customers: readonly CustomerPrediction[];
}

const MONTH_DAYS = 365.25 / 12;

/**
 * Fits the transaction model (and Gamma-Gamma where there are amounts) to the history up to `asOf` and predicts
 * every customer's next `horizonDays`. Margin uses the customer's own margin rate of the history (margin over
 * amount, clipped to 0–1), else the population's.
 */
export async function predictClv(data: TransactionData, request: PredictRequest): Promise<ClvPredictions> {
  const periodDays = PERIOD_DAYS[request.period];
  const s = await customerSummaries(data.engine, data.engine.dialect, data.source, {
    calibrationEnd: request.asOf,
    periodDays,
  });
  return predictSummaries(s, request);
}

/** The predictions of summaries already in memory. */
export function predictSummaries(
  s: CustomerSummaries,
  request: Omit<PredictRequest, 'asOf'>,
): ClvPredictions {
  const periodDays = PERIOD_DAYS[request.period];
  const transactionFit = fitSummaries(s, request.model, request.fit);
  const horizon = request.horizonDays / periodDays;
  const purchases = expectedPurchases(request.model, transactionFit.params, horizon, s.x, s.tx, s.T);
  const alive = probabilityAlive(request.model, transactionFit.params, s.x, s.tx, s.T);
  const withSpend = s.zbar.some((z, i) => (s.x[i] as number) > 0 && z > 0);
  const spendFit = withSpend ? fitSummaries(s, 'gamma_gamma', request.fit) : null;
  const spendInput = spendInputs(s);
  const spend = spendFit ? expectedSpend(spendFit.params, spendInput.x, spendInput.zbar) : null;
  const clv =
    spendFit === null
      ? null
      : customerLifetimeValue(
          request.model,
          transactionFit.params,
          spendFit.params,
          { x: s.x, tx: s.tx, T: s.T, zbar: spendInput.zbar.map((z, i) => (spendInput.x[i] === 0 ? 0 : z)) },
          {
            horizon: Math.max(1, Math.round(request.horizonDays / MONTH_DAYS)),
            periodLength: MONTH_DAYS / periodDays,
            discountRate: (1 + request.annualDiscountRate) ** (1 / 12) - 1,
          },
        );
  const rates = marginRates(s);
  return {
    transactionFit,
    spendFit,
    customers: s.customerId.map((customerId, i) => {
      const e = purchases[i] as number;
      const z = spend ? (spend[i] as number) : Number.NaN;
      return {
        customerId,
        x: s.x[i] as number,
        tx: s.tx[i] as number,
        T: s.T[i] as number,
        probabilityAlive: alive[i] as number,
        expectedPurchases: e,
        expectedSpend: z,
        predictedMargin: e * z * (rates[i] as number),
        clv: clv ? (clv[i] as number) : Number.NaN,
      };
    }),
  };
}

function marginRates(s: CustomerSummaries): Float64Array {
  let margin = 0;
  let amount = 0;
  s.marginCalibration.forEach((m, i) => {
    const a = s.amountCalibration[i] as number;
    if (Number.isFinite(m) && a > 0) {
      margin += m;
      amount += a;
    }
  });
  const population = amount > 0 ? Math.min(1, Math.max(0, margin / amount)) : Number.NaN;
  return Float64Array.from(s.marginCalibration, (m, i) => {
    const a = s.amountCalibration[i] as number;
    return Number.isFinite(m) && a > 0 ? Math.min(1, Math.max(0, m / a)) : population;
  });
}
