/**
 * Calendar days as integers (days since 1970-01-01) of local wall-clock dates. Asia/Shanghai has had no
 * daylight saving since 1991, so a local timestamp is simply a day plus seconds since midnight.
 */
const DAY_MS = 86_400_000;

export function dayOf(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`not an ISO date: ${isoDate}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(day: number): number {
  return (day + 3) % 7;
}

/** Year and month (1–12) of a day. */
export function yearMonth(day: number): { year: number; month: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

export function firstOfMonth(year: number, month: number): number {
  return Math.round(Date.UTC(year, month - 1, 1) / DAY_MS);
}

/** First day of the `months` calendar months that end with `endDay` (e.g. 2025-06-30, 6 → 2025-01-01). */
export function periodStart(endDay: number, months: number): number {
  const next = new Date((endDay + 1) * DAY_MS);
  const y = next.getUTCFullYear();
  const m = next.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(y, m, Math.min(next.getUTCDate(), lastDay)) / DAY_MS);
}

/** Formats days and seconds as canonical text, with the period's date strings precomputed. */
export class DayFormatter {
  private readonly dates: string[] = [];
  private readonly dateBytes: Uint8Array[] = [];

  constructor(
    private readonly firstDay: number,
    lastDay: number,
  ) {
    for (let d = firstDay; d <= lastDay; d++) {
      this.dates.push(isoDate(d));
      this.dateBytes.push(Uint8Array.from(isoDate(d), (c) => c.charCodeAt(0)));
    }
  }

  date(day: number): string {
    return this.dates[day - this.firstDay] ?? isoDate(day);
  }

  /** ASCII bytes of the date. */
  bytes(day: number): Uint8Array {
    const b = this.dateBytes[day - this.firstDay];
    if (!b) throw new Error(`day ${isoDate(day)} is outside the period`);
    return b;
  }
}
