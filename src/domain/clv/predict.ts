import { ClvInputError } from './errors.js';
import { gammaGammaExpectedSpend } from './gamma-gamma.js';
import { validateCustomers } from './histories.js';
import { transactionModel } from './model-registry.js';
import { paramVector, type Params, type TransactionModelKind } from './models.js';

/** Conditional expected purchases E[Y(t) | x, tₓ, T] in the next t time units, per customer. */
export function expectedPurchases(
  kind: TransactionModelKind,
  params: Params,
  t: number,
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
): Float64Array {
  const model = transactionModel(kind);
  const theta = paramVector(kind, params);
  checkTime('t', t);
  validateCustomers(x, tx, T);
  return Float64Array.from({ length: x.length }, (_, i) =>
    model.expectedPurchases(theta, t, x[i] as number, tx[i] as number, T[i] as number),
  );
}

/** P(alive at T | x, tₓ, T), per customer. */
export function probabilityAlive(
  kind: TransactionModelKind,
  params: Params,
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
): Float64Array {
  const model = transactionModel(kind);
  const theta = paramVector(kind, params);
  validateCustomers(x, tx, T);
  return Float64Array.from({ length: x.length }, (_, i) =>
    model.probabilityAlive(theta, x[i] as number, tx[i] as number, T[i] as number),
  );
}

/** Unconditional E[X(t)]: expected repeat purchases in (0, t] of a new customer (for calibration plots). */
export function expectedPurchasesNew(kind: TransactionModelKind, params: Params, t: number): number {
  const model = transactionModel(kind);
  const theta = paramVector(kind, params);
  checkTime('t', t);
  return model.expectedPurchasesNew(theta, t);
}

/** Gamma-Gamma E[Z | x, z̄] per customer; the population mean p·v/(q−1) where x = 0. */
export function expectedSpend(gg: Params, x: ArrayLike<number>, zbar: ArrayLike<number>): Float64Array {
  const theta = paramVector('gamma_gamma', gg);
  if (zbar.length !== x.length)
    throw new ClvInputError(`x and zbar must have the same length (got ${x.length}, ${zbar.length})`);
  return Float64Array.from({ length: x.length }, (_, i) => {
    const xi = x[i] as number;
    const zi = zbar[i] as number;
    if (!(Number.isFinite(xi) && xi >= 0))
      throw new ClvInputError(`customer ${i}: x must be non-negative, got ${xi}`, i, 'x');
    if (xi > 0 && !(Number.isFinite(zi) && zi > 0))
      throw new ClvInputError(`customer ${i}: zbar must be positive when x > 0, got ${zi}`, i, 'zbar');
    return gammaGammaExpectedSpend(theta, xi, zi);
  });
}

export interface ClvOptions {
  /** Number of periods to sum over (lifetimes' `time`, e.g. 12 months). */
  readonly horizon: number;
  /** Length of one period in the model's time unit (e.g. 4.345 when the model is in weeks and periods are months). */
  readonly periodLength: number;
  /** Discount rate per period: period k's value is divided by (1 + discountRate)^k. */
  readonly discountRate: number;
  /** Profit margin applied to spend; default 1 (CLV in revenue). */
  readonly margin?: number;
}

/**
 * CLV over `horizon` periods, as lifetimes' customer_lifetime_value: Σₖ (E[Y(tₖ)] − E[Y(tₖ₋₁)]) · E[Z] · margin /
 * (1 + d)^k with tₖ = k · periodLength. E[Y] is the transaction model's conditional expectation, E[Z] Gamma-Gamma's
 * conditional expected spend.
 */
export function customerLifetimeValue(
  kind: TransactionModelKind,
  params: Params,
  gg: Params,
  input: {
    readonly x: ArrayLike<number>;
    readonly tx: ArrayLike<number>;
    readonly T: ArrayLike<number>;
    readonly zbar: ArrayLike<number>;
  },
  options: ClvOptions,
): Float64Array {
  const { horizon, periodLength, discountRate, margin = 1 } = options;
  if (!(Number.isInteger(horizon) && horizon >= 1))
    throw new ClvInputError(
      `horizon must be a whole number of periods ≥ 1, got ${horizon}`,
      undefined,
      'horizon',
    );
  checkTime('periodLength', periodLength);
  if (!(periodLength > 0))
    throw new ClvInputError(`periodLength must be positive, got ${periodLength}`, undefined, 'periodLength');
  if (!(Number.isFinite(discountRate) && discountRate > -1))
    throw new ClvInputError(`discountRate must be > −1, got ${discountRate}`, undefined, 'discountRate');
  if (!Number.isFinite(margin))
    throw new ClvInputError(`margin must be finite, got ${margin}`, undefined, 'margin');
  const model = transactionModel(kind);
  const theta = paramVector(kind, params);
  const { x, tx, T } = input;
  validateCustomers(x, tx, T);
  const spend = expectedSpend(gg, x, input.zbar);
  return Float64Array.from({ length: x.length }, (_, i) => {
    const [xi, txi, Ti] = [x[i] as number, tx[i] as number, T[i] as number];
    let value = 0;
    let previous = 0;
    for (let k = 1; k <= horizon; k++) {
      const cumulative = model.expectedPurchases(theta, k * periodLength, xi, txi, Ti);
      value += (cumulative - previous) / (1 + discountRate) ** k;
      previous = cumulative;
    }
    return value * (spend[i] as number) * margin;
  });
}

function checkTime(name: string, t: number): void {
  if (!(Number.isFinite(t) && t >= 0))
    throw new ClvInputError(`${name} must be a non-negative finite time, got ${t}`, undefined, name);
}
