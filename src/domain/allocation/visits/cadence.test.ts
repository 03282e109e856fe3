import { describe, expect, it } from 'vitest';
import { cadencePhase, contactsInWeek, dueInWeek, fnv1a32, weeklyRate } from './cadence.js';

const START = 2900;
const weeks = (n: number) => Array.from({ length: n }, (_, i) => START + i);
const ids = Array.from({ length: 50 }, (_, i) => `C${String(i + 1).padStart(5, '0')}`);

describe('visit cadence', () => {
  it('hashes with FNV-1a and gives phases in [0, 1)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    for (const id of ids) {
      expect(cadencePhase(id)).toBeGreaterThanOrEqual(0);
      expect(cadencePhase(id)).toBeLessThan(1);
    }
    expect(cadencePhase('C00001')).toBe(cadencePhase('C00001'));
  });

  it('gives 12 × visitsPerMonth a year within one, for any rate and phase', () => {
    for (const perMonth of [1, 2, 3, 4, 8, 0.5]) {
      for (const id of ids) {
        const phase = cadencePhase(id);
        const total = weeks(52).reduce((n, w) => n + contactsInWeek(perMonth, phase, w), 0);
        expect(Math.abs(total - 12 * perMonth)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('spaces visits evenly: whole weeks around 1 / rate apart, per-week counts around the rate', () => {
    for (const perMonth of [1, 2, 4, 8]) {
      const f = weeklyRate(perMonth);
      const seenCounts = new Set<number>();
      const seenGaps = new Set<number>();
      for (const id of ids) {
        const phase = cadencePhase(id);
        const counts = weeks(104).map((w) => contactsInWeek(perMonth, phase, w));
        for (const c of counts) seenCounts.add(c);
        const due = counts.flatMap((c, i) => (c > 0 ? [i] : []));
        due.slice(1).forEach((w, i) => seenGaps.add(w - (due[i] ?? 0)));
      }
      expect([...seenCounts].sort()).toEqual([...new Set([Math.floor(f), Math.ceil(f)])].sort());
      if (f < 1) expect([...seenGaps].sort()).toEqual([Math.floor(1 / f), Math.ceil(1 / f)]);
      else expect([...seenGaps]).toEqual([1]);
    }
  });

  it('spreads customers of one rate over the weeks', () => {
    const customers = Array.from({ length: 400 }, (_, i) => ({
      id: `C${String(i + 1).padStart(5, '0')}`,
      visitsPerMonth: 1,
    }));
    const counts = weeks(52).map((w) => dueInWeek(customers, w).length);
    const mean = (400 * 12) / 52;
    // Independent hashed phases make each week's count roughly binomial(400, 3/13): sd ≈ 8.4.
    for (const c of counts) expect(Math.abs(c - mean)).toBeLessThanOrEqual(20);
    const sd = Math.sqrt(counts.reduce((s, c) => s + (c - mean) ** 2, 0) / counts.length);
    expect(sd).toBeLessThan(12);
    expect(counts.reduce((a, b) => a + b, 0)).toBeCloseTo(400 * 12, -3);
  });

  it('calls phone-only customers once a month by the same rule', () => {
    const phoneOnly = [{ id: 'P1', visitsPerMonth: 0 }];
    const due = weeks(52).flatMap((w) => dueInWeek(phoneOnly, w));
    expect(due.every((d) => d.kind === 'call' && d.count === 1)).toBe(true);
    expect(Math.abs(due.length - 12)).toBeLessThanOrEqual(1);
    const visited = weeks(52).flatMap((w) => dueInWeek([{ id: 'V1', visitsPerMonth: 4 }], w));
    expect(visited.every((d) => d.kind === 'visit')).toBe(true);
  });
});
