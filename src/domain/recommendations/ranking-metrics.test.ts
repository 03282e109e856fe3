import { describe, expect, it } from 'vitest';
import { rankingMetrics } from './ranking-metrics.js';

describe('rankingMetrics', () => {
  it('averages hit rate, recall@k and precision@k over the customers', () => {
    const m = rankingMetrics(
      [
        { recommended: ['a', 'b', 'c'], firstBought: new Set(['b', 'x']) },
        { recommended: ['a', 'b'], firstBought: new Set(['y']) },
        { recommended: ['p', 'q', 'r'], firstBought: new Set(['p', 'r']) },
      ],
      2,
    );
    // Customer 1: 1 hit of 2 new; customer 2: none; customer 3: p only (r is beyond k = 2).
    expect(m.hits).toBe(2);
    expect(m.hitRate).toBeCloseTo(2 / 3, 12);
    expect(m.recallAtK).toBeCloseTo((1 / 2 + 0 + 1 / 2) / 3, 12);
    expect(m.precisionAtK).toBeCloseTo((1 / 2 + 0 + 1 / 2) / 3, 12);
  });

  it('is zero over no customers and refuses a case without new SKUs', () => {
    expect(rankingMetrics([], 10)).toEqual({ hitRate: 0, recallAtK: 0, precisionAtK: 0, hits: 0 });
    expect(() => rankingMetrics([{ recommended: ['a'], firstBought: new Set() }], 10)).toThrow();
    expect(() => rankingMetrics([], 0)).toThrow();
  });
});
