import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../data-model/field-parsers.js';
import { isoDateIn, zoneOffsetMinutes } from './zoned-time.js';

const text = (raw: string, tz: string) => {
  const r = parseTimestamp(raw, tz);
  return r.ok ? r.value.text : r.reason;
};

describe('zoned time', () => {
  it('gives Asia/Shanghai +08:00 all year', () => {
    expect(zoneOffsetMinutes('Asia/Shanghai', Date.UTC(2024, 0, 1))).toBe(480);
    expect(zoneOffsetMinutes('Asia/Shanghai', Date.UTC(2024, 6, 1))).toBe(480);
  });

  it('follows daylight-saving changes within a day (cached per day, exact on transition days)', () => {
    expect(text('2024-03-10 01:30:00', 'America/New_York')).toBe('2024-03-10T01:30:00-05:00');
    expect(text('2024-03-10 03:30:00', 'America/New_York')).toBe('2024-03-10T03:30:00-04:00');
    expect(text('2024-11-03 03:00:00', 'America/New_York')).toBe('2024-11-03T03:00:00-05:00');
    expect(text('2024-07-01 12:00:00', 'America/New_York')).toBe('2024-07-01T12:00:00-04:00');
  });

  it('names the calendar day of an instant in a zone', () => {
    expect(isoDateIn('Asia/Shanghai', Date.UTC(2024, 0, 31, 16, 30))).toBe('2024-02-01');
    expect(isoDateIn('UTC', Date.UTC(2024, 0, 31, 16, 30))).toBe('2024-01-31');
  });
});
