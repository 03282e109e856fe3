import { parseDateRange, type Parsed } from '../../contracts/data-model/field-parsers.js';
import type { Leave } from './model.js';

/**
 * A rep's leave from the `reps.leave` column: its items, each an inclusive range `YYYY-MM-DD..YYYY-MM-DD` with
 * from ≤ to (the format import checks). NULL or no items = no leave. Ranges come back sorted by start.
 */
export function parseLeave(items: readonly string[] | null | undefined): Parsed<Leave[]> {
  const leave: Leave[] = [];
  for (const item of items ?? []) {
    const range = parseDateRange(item);
    if (!range.ok) return range;
    leave.push(range.value);
  }
  leave.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  return { ok: true, value: leave };
}

/** Whether `date` (YYYY-MM-DD) falls in one of the ranges. */
export function isOnLeave(leave: readonly Leave[], date: string): boolean {
  return leave.some((l) => l.from <= date && date <= l.to);
}

/** The text of one range as the `reps.leave` column stores it. */
export const formatLeave = (leave: Leave): string => `${leave.from}..${leave.to}`;
