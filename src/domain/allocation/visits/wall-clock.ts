import { formatOffset, pad, wallTimeToUtcMs, zoneOffsetMinutes } from '../../../contracts/time/zoned-time.js';

/** The zone visit plans are written in. */
export const VISIT_TIME_ZONE = 'Asia/Shanghai';

/**
 * ISO 8601 local date-time with the zone's offset of `minutes` after midnight of `date` in `timeZone`:
 * ('2026-11-23', 570) → 2026-11-23T09:30:00+08:00.
 */
export function wallClockIso(date: string, minutes: number, timeZone = VISIT_TIME_ZONE): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const utcMs = wallTimeToUtcMs(timeZone, { year, month, day, hour, minute, second: 0, ms: 0 });
  return `${date}T${pad(hour)}:${pad(minute)}:00${formatOffset(zoneOffsetMinutes(timeZone, utcMs))}`;
}
