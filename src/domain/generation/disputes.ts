import { annualSpendCents, type Account } from './account.js';
import type { Rng } from './prng.js';
import { T, type RowBuffer } from './row-buffer.js';
import type { World } from './world.js';

/** Share of ordinary customers with one (closed, settled or won) dispute: noise beside the risky ones. */
export const ORDINARY_DISPUTE_RATE = 0.002;
const STATUSES = ['open', 'settled', 'won', 'lost'] as const;

/** Legal disputes: 1–2 for risky customers with the reason `dispute`, rarely one for anyone else. */
export function writeDisputes(world: World, a: Account, risky: boolean, rng: Rng, out: RowBuffer): number {
  const ordinary = !risky && rng.chance(ORDINARY_DISPUTE_RATE);
  const count = risky ? 1 + (rng.chance(0.25) ? 1 : 0) : ordinary ? 1 : 0;
  const first = Math.max(world.startDay, a.identity.createdDay + 60);
  const monthly = annualSpendCents(a.behaviour) / 12;
  for (let k = 1; k <= count; k++) {
    const opened = rng.int(Math.min(first, world.endDay), world.endDay);
    let status: (typeof STATUSES)[number] = risky
      ? (STATUSES[rng.weighted([40, 30, 20, 10])] ?? 'open')
      : rng.chance(0.5)
        ? 'settled'
        : 'won';
    const closedDay = opened + rng.int(20, 200);
    if (closedDay > world.endDay && status !== 'open') status = 'open';
    const closed = status === 'open' ? '' : world.days.date(closedDay);
    const amount = Math.round((monthly * rng.range(risky ? 0.5 : 0.1, risky ? 3 : 0.5)) / 100) * 100;
    out
      .row(T.disputes)
      .ascii(`LD${a.number}-${k},${a.identity.id},${world.days.date(opened)},${status},`)
      .money(amount)
      .comma()
      .ascii(closed)
      .end();
  }
  return count;
}
