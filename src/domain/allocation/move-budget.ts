import type { AllocationSettings } from '../../contracts/allocation/settings.js';
import type { AllocationProblem } from './problem.js';

/** Customers allowed to change owner this round: the smaller of maxMoves and maxMovesPct of owned customers. */
export function moveBudget(
  problem: AllocationProblem,
  s: Pick<AllocationSettings, 'maxMoves' | 'maxMovesPct'>,
): number | null {
  const limits: number[] = [];
  if (s.maxMoves !== null) limits.push(s.maxMoves);
  if (s.maxMovesPct !== null) {
    const owned = problem.customers.filter((c) => c.customer.ownerId !== null).length;
    limits.push(Math.floor((owned * s.maxMovesPct) / 100));
  }
  return limits.length === 0 ? null : Math.min(...limits);
}

/** `total` split in proportion to `wants` (largest remainder), never giving a part more than it wants. */
export function splitBudget(total: number, wants: readonly number[]): number[] {
  const sum = wants.reduce((a, b) => a + b, 0);
  if (sum <= total) return [...wants];
  const exact = wants.map((w) => (w * total) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, rest: e - Math.floor(e) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return shares;
}
