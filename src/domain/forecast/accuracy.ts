import type { Accuracy } from '../../contracts/forecast/forecast.js';

/**
 * Scores forecasts against actuals cell by cell: MAPE over the cells with a positive actual (a percentage error
 * is undefined at 0), WMAPE = Σ|f − a| / Σa over all of them, which small cells cannot dominate, and the bias
 * Σf / Σa − 1. Null where undefined (no positive actual).
 */
export function accuracy(forecast: ArrayLike<number>, actual: ArrayLike<number>): Accuracy {
  if (forecast.length !== actual.length)
    throw new RangeError(`forecast and actual differ in length (${forecast.length}, ${actual.length})`);
  let sumForecast = 0;
  let sumActual = 0;
  let absoluteError = 0;
  let percentageErrors = 0;
  let scoredCells = 0;
  for (let i = 0; i < actual.length; i++) {
    const f = forecast[i] as number;
    const a = actual[i] as number;
    sumForecast += f;
    sumActual += a;
    absoluteError += Math.abs(f - a);
    if (a > 0) {
      percentageErrors += Math.abs(f - a) / a;
      scoredCells++;
    }
  }
  return {
    cells: actual.length,
    scoredCells,
    forecast: sumForecast,
    actual: sumActual,
    mape: scoredCells > 0 ? percentageErrors / scoredCells : null,
    wmape: sumActual > 0 ? absoluteError / sumActual : null,
    bias: sumActual > 0 ? sumForecast / sumActual - 1 : null,
  };
}
