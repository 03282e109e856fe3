import type {
  ForecastCell,
  ForecastDimension,
  HoldoutEvaluation,
  MeasureEvaluation,
  ModelVsNaive,
} from '../../contracts/forecast/forecast.js';
import { accuracy } from './accuracy.js';

/** A cell summed over the weeks of the horizon. */
export type HorizonCell = Omit<ForecastCell, 'week' | 'from' | 'to'>;

const SUMMED = [
  'value',
  'quantity',
  'newCustomerValue',
  'actualValue',
  'actualQuantity',
  'naiveValue',
  'naiveQuantity',
] as const satisfies readonly (keyof HorizonCell)[];

/** Each cell of the `by` dimensions summed over the weeks, in order of first appearance. */
export function horizonTotals(
  cells: readonly ForecastCell[],
  by: readonly ForecastDimension[],
): HorizonCell[] {
  const totals = new Map<string, HorizonCell>();
  for (const c of cells) {
    const id = JSON.stringify(by.map((d) => c[d]));
    const t = totals.get(id);
    const sums = SUMMED.filter((k) => c[k] !== undefined).map((k) => [k, (t?.[k] ?? 0) + (c[k] as number)]);
    totals.set(id, {
      ...Object.fromEntries(by.map((d) => [d, c[d]])),
      ...(Object.fromEntries(sums) as Pick<HorizonCell, 'value' | 'quantity' | 'newCustomerValue'>),
    });
  }
  return [...totals.values()];
}

const MEASURES = {
  value: (c: HorizonCell) => [c.value, c.naiveValue ?? 0, c.actualValue ?? 0] as const,
  quantity: (c: HorizonCell) => [c.quantity, c.naiveQuantity ?? 0, c.actualQuantity ?? 0] as const,
};

/**
 * The holdout cells (with actuals and the naive forecast) scored for value and quantity: over the horizon (each
 * cell summed over the weeks), week by week, and per category (its cells' horizon totals).
 */
export function evaluateHoldout(
  cells: readonly ForecastCell[],
  by: readonly ForecastDimension[],
): HoldoutEvaluation {
  const horizon = horizonTotals(cells, by);
  const weeks = [...new Set(cells.map((c) => c.week))].sort((a, b) => a - b);
  const categories = by.includes('category')
    ? [...new Set(horizon.map((c) => c.category as string))].sort((a, b) => a.localeCompare(b))
    : [];
  const measure = (m: keyof typeof MEASURES): MeasureEvaluation => {
    const score = (of: readonly HorizonCell[]): ModelVsNaive => {
      const triples = of.map(MEASURES[m]);
      const actual = triples.map((t) => t[2]);
      return {
        model: accuracy(
          triples.map((t) => t[0]),
          actual,
        ),
        naive: accuracy(
          triples.map((t) => t[1]),
          actual,
        ),
      };
    };
    return {
      horizon: score(horizon),
      byWeek: weeks.map((week) => ({ week, ...score(cells.filter((c) => c.week === week)) })),
      byCategory: categories.map((category) => ({
        category,
        ...score(horizon.filter((c) => c.category === category)),
      })),
    };
  };
  return { value: measure('value'), quantity: measure('quantity') };
}
