import type { Account } from './account.js';
import type { Rng } from './prng.js';
import { T, type RowBuffer } from './row-buffer.js';
import type { World } from './world.js';

const CATEGORIES = ['quality', 'delivery', 'billing', 'service', 'other'];
const CATEGORY_WEIGHTS = [35, 35, 10, 15, 5];
const SEVERITIES = ['low', 'medium', 'high'];

/** At most this many ordinary complaints fall in any 30 days; a planted burst has 6–14 within a month. */
export const ORDINARY_MAX_PER_30_DAYS = 3;

interface Complaint {
  day: number;
  second: number;
  severity: number;
}

/**
 * Complaints at a rate per completed order that rises with the district's remoteness (worse service) and
 * the customer's own draw; risky customers with the reason `complaints` add a burst within one month.
 * Returns the number of complaints in the burst and the day of every complaint written, in order.
 */
export function writeComplaints(
  world: World,
  a: Account,
  burst: boolean,
  rng: Rng,
  out: RowBuffer,
): { burst: number; days: number[] } {
  const days = a.orderDays;
  const ordinary: Complaint[] = [];
  const count = days.length === 0 ? 0 : rng.poisson(days.length * a.behaviour.complaintRate);
  for (let k = 0; k < count; k++) {
    const day = Math.min(world.endDay, rng.pick(days) + rng.int(0, 3));
    ordinary.push({ day, second: rng.int(9 * 3600, 21 * 3600), severity: rng.weighted([55, 35, 10]) });
  }
  ordinary.sort((x, y) => x.day - y.day || x.second - y.second);
  const kept: Complaint[] = [];
  for (const c of ordinary) {
    const earlier = kept[kept.length - ORDINARY_MAX_PER_30_DAYS];
    if (!earlier || earlier.day <= c.day - 30) kept.push(c);
  }
  let burstSize = 0;
  if (burst) {
    const first = Math.max(world.startDay, a.identity.createdDay) + 14;
    const window = rng.int(10, 30);
    const start = rng.int(Math.min(first, world.endDay - window), world.endDay - window);
    burstSize = rng.int(6, 14);
    for (let k = 0; k < burstSize; k++)
      kept.push({
        day: start + rng.int(0, window),
        second: rng.int(9 * 3600, 21 * 3600),
        severity: rng.weighted([20, 45, 35]),
      });
    kept.sort((x, y) => x.day - y.day || x.second - y.second);
  }
  kept.forEach((c, i) => {
    out
      .row(T.complaints)
      .ascii('TS')
      .ascii(a.number)
      .ascii('-')
      .int(i + 1, 3)
      .comma()
      .ascii(a.identity.id)
      .comma()
      .timestamp(world.days.bytes(c.day), c.second)
      .comma()
      .ascii(CATEGORIES[rng.weighted(CATEGORY_WEIGHTS)] ?? 'other')
      .comma()
      .ascii(SEVERITIES[c.severity] ?? 'low')
      .end();
  });
  return { burst: burstSize, days: kept.map((c) => c.day) };
}
