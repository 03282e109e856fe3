import { annualSpendCents, type Account } from './account.js';
import type { Rng } from './prng.js';
import { T, type RowBuffer } from './row-buffer.js';
import type { World } from './world.js';

/** Supply contracts, mostly for chain branches and large restaurants; renewed term after term. */
export function writeContracts(world: World, a: Account, rng: Rng, out: RowBuffer): number {
  const odds = a.isChain ? 0.65 : a.identity.seats >= 120 ? 0.45 : 0.12;
  if (a.isDuplicate || !rng.chance(odds)) return 0;
  let start = Math.max(a.identity.createdDay, world.startDay - 300) + rng.int(0, 120);
  const annual = annualSpendCents(a.behaviour);
  let count = 0;
  while (start <= world.endDay && count < 3) {
    const years = rng.chance(0.75) ? 1 : 2;
    const end = start + 365 * years - 1;
    const committed = Math.max(5000, Math.round((annual * years * rng.range(0.7, 1.1)) / 100_000) * 1000);
    count++;
    out
      .row(T.contracts)
      .ascii(`HT${a.number}-${count},${a.identity.id},${world.days.date(start)},${world.days.date(end)},`)
      .money(committed * 100)
      .end();
    if (!rng.chance(0.7)) break;
    start = end + 1;
  }
  return count;
}
