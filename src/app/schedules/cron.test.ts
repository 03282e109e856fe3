import { describe, expect, it } from 'vitest';
import { StratumError } from '../../contracts/errors.js';
import { dueFire, fireAsOf, latestFire, nextFire, parseCron } from './cron.js';

const weekly = { cron: '0 3 * * 1', timeZone: 'Asia/Shanghai' }; // Monday 03:00 in Shanghai = Sunday 19:00 UTC
const monthly = { cron: '0 3 1 * *', timeZone: 'Asia/Shanghai' };
const at = (iso: string) => new Date(iso);

describe('schedule timing', () => {
  it('finds the next Monday 03:00 in Asia/Shanghai', () => {
    // Wednesday 2025-06-04 12:00 Shanghai → Monday 2025-06-09 03:00 Shanghai.
    expect(nextFire(weekly, at('2025-06-04T04:00:00Z'))?.toISOString()).toBe('2025-06-08T19:00:00.000Z');
    // Exactly at a fire time, the next one is a week later.
    expect(nextFire(weekly, at('2025-06-08T19:00:00Z'))?.toISOString()).toBe('2025-06-15T19:00:00.000Z');
    // Monday 02:59 Shanghai is still before the Monday fire.
    expect(nextFire(weekly, at('2025-06-08T18:59:00Z'))?.toISOString()).toBe('2025-06-08T19:00:00.000Z');
  });

  it('finds the latest Monday 03:00 at or before a time, including the time itself', () => {
    expect(latestFire(weekly, at('2025-06-04T04:00:00Z'))?.toISOString()).toBe('2025-06-01T19:00:00.000Z');
    expect(latestFire(weekly, at('2025-06-08T19:00:00Z'))?.toISOString()).toBe('2025-06-08T19:00:00.000Z');
    expect(latestFire(weekly, at('2025-06-08T18:59:59Z'))?.toISOString()).toBe('2025-06-01T19:00:00.000Z');
  });

  it('fires monthly on the 1st at 03:00 in the zone, across month lengths and the year end', () => {
    expect(nextFire(monthly, at('2025-01-31T20:00:00Z'))?.toISOString()).toBe('2025-02-28T19:00:00.000Z');
    expect(nextFire(monthly, at('2025-02-28T19:00:00Z'))?.toISOString()).toBe('2025-03-31T19:00:00.000Z');
    expect(nextFire(monthly, at('2025-12-15T00:00:00Z'))?.toISOString()).toBe('2025-12-31T19:00:00.000Z');
    expect(latestFire(monthly, at('2025-03-15T00:00:00Z'))?.toISOString()).toBe('2025-02-28T19:00:00.000Z');
    // In UTC the same expression fires 8 hours later.
    expect(nextFire({ ...monthly, timeZone: 'UTC' }, at('2025-01-31T20:00:00Z'))?.toISOString()).toBe(
      '2025-02-01T03:00:00.000Z',
    );
  });

  it('owes only the latest missed time after downtime, and nothing before the first time after `since`', () => {
    const lastFired = at('2025-06-01T19:00:00Z'); // Monday 2 June 03:00 Shanghai
    // Down for three weeks: three Mondays missed, one run owed, for the latest.
    expect(dueFire(weekly, lastFired, at('2025-06-25T00:00:00Z'))?.toISOString()).toBe(
      '2025-06-22T19:00:00.000Z',
    );
    // Nothing owed before the next Monday.
    expect(dueFire(weekly, lastFired, at('2025-06-08T18:59:00Z'))).toBeNull();
    // Owed from the scheduled time on, to the millisecond.
    expect(dueFire(weekly, lastFired, at('2025-06-08T19:00:00Z'))?.toISOString()).toBe(
      '2025-06-08T19:00:00.000Z',
    );
    // A schedule created on a Tuesday owes nothing for the Monday before.
    expect(dueFire(weekly, at('2025-06-03T01:00:00Z'), at('2025-06-05T00:00:00Z'))).toBeNull();
  });

  it('runs as of the day before the fire time in the zone', () => {
    expect(fireAsOf(weekly, at('2025-06-08T19:00:00Z'))).toBe('2025-06-08'); // Monday 9 June 03:00 → Sunday 8
    expect(fireAsOf(monthly, at('2025-02-28T19:00:00Z'))).toBe('2025-02-28'); // 1 March 03:00 → 28 February
    expect(fireAsOf({ ...weekly, timeZone: 'UTC' }, at('2025-06-09T03:00:00Z'))).toBe('2025-06-08');
  });

  it('refuses bad expressions and zones naming the field', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof StratumError ? (e.details as { field?: string }).field : 'not a StratumError';
      }
      return 'no error';
    };
    expect(field(() => parseCron({ cron: '0 3 * *', timeZone: 'UTC' }))).toBe('cron');
    expect(field(() => parseCron({ cron: '0 0 3 * * 1', timeZone: 'UTC' }))).toBe('cron');
    expect(field(() => parseCron({ cron: '61 3 * * 1', timeZone: 'UTC' }))).toBe('cron');
    expect(field(() => parseCron({ cron: '0 3 * * 1', timeZone: 'Mars/Olympus' }))).toBe('timeZone');
    expect(field(() => parseCron({ cron: '0 3 * * MON', timeZone: 'Asia/Shanghai' }))).toBe('no error');
  });
});
