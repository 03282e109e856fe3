import type { Params, TransactionModelKind } from '../clv/models.js';
import { expectedPurchases } from '../clv/predict.js';

/** Increments of a cumulative series: out[k] = cumulative[k] − cumulative[k − 1], with cumulative[−1] = 0. */
export function differences(cumulative: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: cumulative.length }, (_, k) =>
    k === 0 ? (cumulative[0] as number) : (cumulative[k] as number) - (cumulative[k - 1] as number),
  );
}

/**
 * Expected purchases of each customer in each of the next `weeks` weeks: E[Y(k·w)] − E[Y((k−1)·w)] with w the
 * length of a week in the model's time unit (7 for a model in days). Returns one array per week, indexed by
 * customer; the weeks of a customer add up to E[Y(weeks·w)].
 */
export function weeklyExpectedPurchases(
  kind: TransactionModelKind,
  params: Params,
  weeks: number,
  unitsPerWeek: number,
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
): Float64Array[] {
  if (!(Number.isInteger(weeks) && weeks >= 1))
    throw new RangeError(`weeks must be a whole number ≥ 1, got ${weeks}`);
  const cumulative = Array.from({ length: weeks }, (_, k) =>
    expectedPurchases(kind, params, (k + 1) * unitsPerWeek, x, tx, T),
  );
  return cumulative.map((upTo, k) => {
    if (k === 0) return upTo;
    const before = cumulative[k - 1] as Float64Array;
    return upTo.map((e, i) => e - (before[i] as number));
  });
}
