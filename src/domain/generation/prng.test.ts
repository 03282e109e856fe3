import { describe, expect, it } from 'vitest';
import { cumulative, Rng } from './prng.js';

describe('Rng', () => {
  it('is a pure function of its keys', () => {
    const a = new Rng(1, 0, 4, 17);
    const b = new Rng(1, 0, 4, 17);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
  });

  it('gives unrelated streams to neighbouring keys', () => {
    const a = Array.from({ length: 4 }, (_, i) => new Rng(1, 0, 4, i).next());
    expect(new Set(a).size).toBe(4);
    const first = new Rng(1, 0, 4, 0);
    const second = new Rng(1, 0, 4, 1);
    let same = 0;
    for (let i = 0; i < 1000; i++) if (first.next() < 0.5 === second.next() < 0.5) same++;
    expect(same).toBeGreaterThan(430);
    expect(same).toBeLessThan(570);
  });

  it('draws roughly uniform values, Poisson counts and weighted indices', () => {
    const rng = new Rng(7);
    let sum = 0;
    let poisson = 0;
    const counts = [0, 0, 0];
    const cum = cumulative([1, 2, 7]);
    for (let i = 0; i < 20_000; i++) {
      const u = rng.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      sum += u;
      poisson += rng.poisson(0.3);
      const i = rng.fromCumulative(cum);
      counts[i] = (counts[i] ?? 0) + 1;
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
    expect(poisson / 20_000).toBeCloseTo(0.3, 1);
    expect((counts[2] ?? 0) / 20_000).toBeCloseTo(0.7, 1);
    expect((counts[0] ?? 0) / 20_000).toBeCloseTo(0.1, 1);
  });
});
