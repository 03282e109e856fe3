import type { DemandRow } from './demand-row.js';

/**
 * The naive forecast: each cell's mean week over the `weeks` weeks up to the as-of date (weeks 1 − weeks … 0 of
 * `history`), expected in each of the next `weeks` weeks.
 */
export function naiveForecast(history: readonly DemandRow[], weeks: number): DemandRow[] {
  const cells = new Map<string, DemandRow>();
  for (const r of history) {
    if (r.week > 0 || r.week <= -weeks) continue;
    const key = JSON.stringify([r.category, r.city, r.tier]);
    const seen = cells.get(key);
    cells.set(key, {
      ...r,
      value: (seen?.value ?? 0) + r.value / weeks,
      quantity: (seen?.quantity ?? 0) + r.quantity / weeks,
    });
  }
  return [...cells.values()].flatMap((r) => Array.from({ length: weeks }, (_, k) => ({ ...r, week: k + 1 })));
}

/**
 * The weeks 1 − weeks … 0 of `history` replayed as weeks 1 … weeks: for the demand of customers yet to come,
 * what the customers who arrived in the last `weeks` weeks bought in them.
 */
export function replayWeeks(history: readonly DemandRow[], weeks: number): DemandRow[] {
  return history.filter((r) => r.week <= 0 && r.week > -weeks).map((r) => ({ ...r, week: r.week + weeks }));
}
