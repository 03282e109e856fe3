import type { ForecastCell, ForecastDimension, ForecastWeek } from '../../contracts/forecast/forecast.js';
import { addDays } from '../../contracts/time/iso-date.js';
import type { DemandRow } from './demand-row.js';

export interface CellSources {
  /** The model's demand of the customers known by the as-of date. */
  readonly existing: readonly DemandRow[];
  /** The demand expected from customers who had not bought yet. */
  readonly newCustomers: readonly DemandRow[];
  /** Holdout: what happened, and the naive forecast. */
  readonly holdout?: { readonly actual: readonly DemandRow[]; readonly naive: readonly DemandRow[] };
}

type Measure = { value: number; quantity: number };
type Sums = Measure & { newValue: number; actual: Measure; naive: Measure };

/**
 * The rows of every source summed into cells of week × the `by` dimensions (the others summed over), for weeks
 * 1 … weeks after `asOf`, ordered by week and then by the dimensions. A cell any source has is listed, with 0
 * where the others have nothing.
 */
export function forecastCells(
  by: readonly ForecastDimension[],
  asOf: string,
  weeks: number,
  sources: CellSources,
): ForecastCell[] {
  const cells = new Map<string, { week: number; key: readonly string[]; sums: Sums }>();
  const add = (r: DemandRow, into: (s: Sums) => void) => {
    if (r.week < 1 || r.week > weeks) return;
    const key = by.map((d) => r[d]);
    const id = JSON.stringify([r.week, ...key]);
    let cell = cells.get(id);
    if (!cell) {
      const zero = () => ({ value: 0, quantity: 0 });
      cell = {
        week: r.week,
        key,
        sums: { value: 0, quantity: 0, newValue: 0, actual: zero(), naive: zero() },
      };
      cells.set(id, cell);
    }
    into(cell.sums);
  };
  for (const r of sources.existing)
    add(r, (s) => {
      s.value += r.value;
      s.quantity += r.quantity;
    });
  for (const r of sources.newCustomers)
    add(r, (s) => {
      s.value += r.value;
      s.quantity += r.quantity;
      s.newValue += r.value;
    });
  for (const r of sources.holdout?.actual ?? [])
    add(r, (s) => {
      s.actual.value += r.value;
      s.actual.quantity += r.quantity;
    });
  for (const r of sources.holdout?.naive ?? [])
    add(r, (s) => {
      s.naive.value += r.value;
      s.naive.quantity += r.quantity;
    });
  return [...cells.values()]
    .sort((a, b) => a.week - b.week || compareKeys(a.key, b.key))
    .map(({ week, key, sums }) => ({
      ...weekSpan(asOf, week),
      ...Object.fromEntries(by.map((d, j) => [d, key[j]])),
      value: sums.value,
      quantity: sums.quantity,
      newCustomerValue: sums.newValue,
      ...(sources.holdout
        ? {
            actualValue: sums.actual.value,
            actualQuantity: sums.actual.quantity,
            naiveValue: sums.naive.value,
            naiveQuantity: sums.naive.quantity,
          }
        : {}),
    }));
}

/** Each week's totals over the cells (weeks without cells included, at 0). */
export function weekTotals(
  cells: readonly ForecastCell[],
  asOf: string,
  weeks: number,
  holdout: boolean,
): ForecastWeek[] {
  return Array.from({ length: weeks }, (_, k) => {
    const week = k + 1;
    const of = cells.filter((c) => c.week === week);
    const total = (f: (c: ForecastCell) => number | undefined) => of.reduce((s, c) => s + (f(c) ?? 0), 0);
    return {
      ...weekSpan(asOf, week),
      value: total((c) => c.value),
      quantity: total((c) => c.quantity),
      newCustomerValue: total((c) => c.newCustomerValue),
      ...(holdout
        ? {
            actualValue: total((c) => c.actualValue),
            actualQuantity: total((c) => c.actualQuantity),
            naiveValue: total((c) => c.naiveValue),
            naiveQuantity: total((c) => c.naiveQuantity),
          }
        : {}),
    };
  });
}

/** Week k after `asOf`: its first and last day. */
export const weekSpan = (asOf: string, week: number) => ({
  week,
  from: addDays(asOf, 7 * (week - 1) + 1),
  to: addDays(asOf, 7 * week),
});

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let j = 0; j < a.length; j++) {
    const order = (a[j] as string).localeCompare(b[j] as string);
    if (order !== 0) return order;
  }
  return 0;
}
