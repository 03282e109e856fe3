import type { TieringConfig } from './config.js';
import { TIERS, type Tier } from './tiers.js';

type Quotas = TieringConfig['tiers']['quotas'];

/**
 * Cumulative quota edges in percent: [0, P, P+G, P+G+S, 100]. Tier i (TIERS order) holds the ranks between
 * edges i and i+1. Each edge is rounded to 1e-9 % so that 5.1 + 14.9 is 20, in TypeScript and SQL alike.
 */
export function quotaEdges(q: Quotas): readonly [number, number, number, number, number] {
  const r = (x: number) => Math.round(x * 1e9) / 1e9;
  return [0, r(q.platinum), r(q.platinum + q.gold), r(q.platinum + q.gold + q.silver), 100];
}

/** 0 = platinum … 3 = bronze. */
export const tierIndex = (t: Tier): number => TIERS.indexOf(t);
