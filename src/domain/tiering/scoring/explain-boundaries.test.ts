import { describe, expect, it } from 'vitest';
import { placeOnBoundaries, tierBoundaries } from './explain.js';

describe('tier boundaries', () => {
  const rows = [
    { scopeValue: 'b', score: 9, rankPct: 0, candidateTier: 'platinum' as const },
    { scopeValue: 'b', score: 7, rankPct: 0.2, candidateTier: 'gold' as const },
    { scopeValue: 'b', score: 6, rankPct: 0.4, candidateTier: 'gold' as const },
    { scopeValue: 'b', score: 2, rankPct: 0.6, candidateTier: 'bronze' as const },
    { scopeValue: 'b', score: 50, rankPct: null, candidateTier: 'bronze' as const },
    { scopeValue: null, score: 3, rankPct: 0, candidateTier: 'silver' as const },
  ];

  it('gives the lowest and highest score each tier took among ranked customers, per scope', () => {
    expect(tierBoundaries(rows)).toEqual([
      { scopeValue: null, tier: 'silver', minScore: 3, maxScore: 3, customers: 1 },
      { scopeValue: 'b', tier: 'platinum', minScore: 9, maxScore: 9, customers: 1 },
      { scopeValue: 'b', tier: 'gold', minScore: 6, maxScore: 7, customers: 2 },
      { scopeValue: 'b', tier: 'bronze', minScore: 2, maxScore: 2, customers: 1 },
    ]);
  });

  it('places a score against a scope’s cut-offs', () => {
    const b = tierBoundaries(rows).filter((x) => x.scopeValue === 'b');
    expect(placeOnBoundaries(6.5, b)).toEqual({
      tierByScore: 'gold',
      nextUp: { tier: 'platinum', minScore: 9, gap: 2.5 },
    });
    expect(placeOnBoundaries(10, b)).toEqual({ tierByScore: 'platinum', nextUp: null });
    expect(placeOnBoundaries(1, b)).toEqual({
      tierByScore: 'bronze',
      nextUp: { tier: 'gold', minScore: 6, gap: 5 },
    });
  });
});
