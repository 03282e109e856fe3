const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Per zone: UTC day → the offset that holds all day, or null when the offset changes that day (DST). */
const dayCache = new Map<string, Map<number, number | null>>();

/**
 * Offset in minutes east of UTC that `timeZone` has at the UTC instant `utcMs`. Cached per zone and UTC day:
 * Intl formatting costs tens of microseconds and imports parse millions of timestamps.
 */
export function zoneOffsetMinutes(timeZone: string, utcMs: number): number {
  let byDay = dayCache.get(timeZone);
  if (!byDay) dayCache.set(timeZone, (byDay = new Map()));
  const day = Math.floor(utcMs / DAY_MS);
  let offset = byDay.get(day);
  if (offset === undefined) {
    const start = computeOffsetMinutes(timeZone, day * DAY_MS);
    const end = computeOffsetMinutes(timeZone, (day + 1) * DAY_MS - 1000);
    offset = start === end ? start : null;
    byDay.set(day, offset);
  }
  return offset ?? computeOffsetMinutes(timeZone, utcMs);
}

function computeOffsetMinutes(timeZone: string, utcMs: number): number {
  const parts = partsIn(timeZone, utcMs);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/** The UTC instant of a wall-clock time in `timeZone` (the earlier one when a DST change makes it ambiguous). */
export function wallTimeToUtcMs(
  timeZone: string,
  wall: {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
    second: number;
    ms: number;
  },
): number {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms);
  const first = naive - zoneOffsetMinutes(timeZone, naive) * 60_000;
  return naive - zoneOffsetMinutes(timeZone, first) * 60_000;
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO date (YYYY-MM-DD) of an instant in `timeZone` (through the cached offset: no Intl call per instant). */
export function isoDateIn(timeZone: string, utcMs: number): string {
  return new Date(utcMs + zoneOffsetMinutes(timeZone, utcMs) * 60_000).toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(timeZone: string, utcMs: number) {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, fmt);
  }
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of fmt.formatToParts(new Date(utcMs))) {
    if (part.type in out) out[part.type as keyof typeof out] = Number(part.value);
  }
  return out;
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The UTC instant a calendar day (YYYY-MM-DD) starts at in `timeZone`. */
export function startOfDayUtcMs(timeZone: string, isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return wallTimeToUtcMs(timeZone, { year, month, day, hour: 0, minute: 0, second: 0, ms: 0 });
}
