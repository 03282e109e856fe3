/** Orders placed at one ISO weekday (1 = Monday) and hour (0–23). */
export interface OrderTimeCount {
  readonly weekday: number;
  readonly hour: number;
  readonly orders: number;
}

/** The share of the orders on each weekday (Monday first) and in each hour; all 0 without orders. */
export function orderTimeShares(counts: readonly OrderTimeCount[]): {
  byWeekday: number[];
  byHour: number[];
} {
  const byWeekday = new Array<number>(7).fill(0);
  const byHour = new Array<number>(24).fill(0);
  for (const c of counts) {
    byWeekday[c.weekday - 1]! += c.orders;
    byHour[c.hour]! += c.orders;
  }
  const total = counts.reduce((s, c) => s + c.orders, 0);
  const share = (n: number) => (total === 0 ? 0 : n / total);
  return { byWeekday: byWeekday.map(share), byHour: byHour.map(share) };
}
