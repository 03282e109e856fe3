/** `YYYY-MM` of a year × 100 + month key (202506 → 2025-06). */
export const monthOfKey = (key: number): string =>
  `${String(Math.floor(key / 100)).padStart(4, '0')}-${String(key % 100).padStart(2, '0')}`;

/** Every month `YYYY-MM` from the month of `from` to the month of `to` (ISO dates), in order. */
export function monthsBetween(from: string, to: string): string[] {
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  const months: string[] = [];
  for (;;) {
    const m = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (m > last) return months;
    months.push(m);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

/** The first day of the month `count − 1` months before the month of `to`: a range of `count` calendar months. */
export function monthsBack(to: string, count: number): string {
  const index = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1 - (count - 1);
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}
