import { describe, expect, it } from 'vitest';
import { afterFailure, DEFAULT_RETRY_POLICY, nominalDelayMs, retryDelayMs } from './retry-policy.js';

describe('retry policy', () => {
  const p = DEFAULT_RETRY_POLICY;

  it('backs off 10 s × 3^(n−1), capped at one hour (the table of docs/webhooks.md)', () => {
    const seconds = [1, 2, 3, 4, 5, 6, 7].map((n) => nominalDelayMs(p, n) / 1000);
    expect(seconds).toEqual([10, 30, 90, 270, 810, 2430, 3600]);
  });

  it('jitters by ±20 %', () => {
    expect(retryDelayMs(p, 1, 0)).toBe(8_000);
    expect(retryDelayMs(p, 1, 0.5)).toBe(10_000);
    expect(retryDelayMs(p, 1, 0.999999)).toBe(12_000);
    expect(retryDelayMs(p, 9, 0.5)).toBe(3_600_000);
  });

  it('schedules the next attempt until the last one, then the delivery is dead', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    expect(afterFailure(p, 1, now, 0.5)).toEqual({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: new Date('2025-01-01T00:00:10Z'),
    });
    expect(afterFailure(p, 7, now, 0.5).status).toBe('pending');
    expect(afterFailure(p, 8, now, 0.5)).toEqual({ status: 'dead', attempts: 8 });
    expect(afterFailure({ ...p, maxAttempts: 2 }, 2, now, 0.5).status).toBe('dead');
  });
});
