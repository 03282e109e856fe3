import { describe, expect, it } from 'vitest';
import { unitHash } from './unit-hash.js';

describe('unitHash', () => {
  it('draws uniformly in [0, 1) from the salt and the unit, the same draw every time', () => {
    const draws = Array.from({ length: 10_000 }, (_, i) => unitHash('s', String(i)));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    // Uniform: mean 1/2 with standard error 0.0029.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.012);
    const deciles = Array.from(
      { length: 10 },
      (_, k) => draws.filter((u) => Math.floor(u * 10) === k).length,
    );
    for (const n of deciles) expect(Math.abs(n - 1000)).toBeLessThan(130);
    expect(unitHash('s', 'a')).toBe(unitHash('s', 'a'));
    expect(unitHash('s', 'a')).not.toBe(unitHash('t', 'a'));
  });
});
