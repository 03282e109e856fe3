import { CREDIT_RATINGS } from '../../contracts/data-model/sources/credit-ratings.js';
import type { Account } from './account.js';
import type { Rng } from './prng.js';
import { T, type RowBuffer } from './row-buffer.js';
import type { World } from './world.js';

export const AGENCIES = ['华信评级', '中合征信', '东诚资信'] as const;
/** Index of B in CREDIT_RATINGS: B or worse is a poor rating; only risky customers get one. */
export const POOR_FROM = CREDIT_RATINGS.indexOf('B');

/**
 * Most customers are rated once or twice. Ordinary customers stay within AAA…BB; risky ones within BBB…BB,
 * except those planted with `poor_rating`, whose latest rating is B or worse.
 */
export function writeRatings(
  world: World,
  a: Account,
  risky: boolean,
  poor: boolean,
  rng: Rng,
  out: RowBuffer,
): void {
  const from = Math.max(a.identity.createdDay, world.startDay - 365);
  let count = a.isDuplicate ? rng.weighted([50, 50]) : rng.weighted([10, 50, 30, 10]);
  if (poor) count = Math.max(1, count);
  const days = new Set<number>();
  for (let k = 0; k < count * 3 && days.size < count; k++) days.add(rng.int(from, world.endDay));
  if (poor && Math.max(...days) < world.startDay) days.add(rng.int(world.startDay, world.endDay));
  const sorted = [...days].sort((x, y) => x - y);
  const [lo, hi] = risky ? [3, 4] : [0, 4];
  let level = risky ? rng.int(3, 4) : rng.weighted([4, 12, 30, 36, 18]);
  sorted.forEach((day, k) => {
    level = Math.min(hi, Math.max(lo, level + rng.int(-1, 1)));
    const last = k === sorted.length - 1;
    const rating = poor && last ? POOR_FROM + rng.weighted([40, 30, 20, 10]) : poor ? rng.int(4, 5) : level;
    out
      .row(T.creditRatings)
      .ascii(a.identity.id)
      .comma()
      .text(rng.pick(AGENCIES))
      .comma()
      .ascii(`${world.days.date(day)},${CREDIT_RATINGS[rating] ?? 'BBB'}`)
      .end();
  });
}
