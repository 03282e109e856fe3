import { weekday } from './calendar.js';
import type { OrderDraft } from './order-draft.js';
import { BrushFate } from './order-draft.js';
import type { Behaviour, Identity } from './profile.js';
import type { Rng } from './prng.js';
import { WEEKDAY_FACTORS } from './seasonality.js';
import { frequencyFactor, orderValueFactor } from './trajectory.js';
import type { World } from './world.js';

export const CANCEL_RATE = 0.02;
const CHANNEL_WEIGHTS = [45, 30, 10, 10, 5];

/** Where a duplicate registration takes over part of the orders. */
export interface Split {
  readonly account: number;
  readonly fromDay: number;
  readonly share: number;
}

/**
 * The customer's genuine orders, day by day, as a time-changed renewal process: the expected number of orders
 * per day combines the customer's weekly frequency, the weekday, the season of its cuisine and its trajectory,
 * and the gaps between orders on that cumulative mean are Erlang with mean 1 and the customer's regularity as
 * shape (shape 1 is a Poisson process). Random draws are per order, not per day.
 */
export function drawOrders(
  world: World,
  id: Identity,
  b: Behaviour,
  split: Split | null,
  rng: Rng,
): OrderDraft[] {
  const { startDay, endDay } = world;
  const season = world.seasons[id.cuisine.season];
  const first = Math.max(startDay, id.createdDay);
  const last = Math.min(endDay, b.trajectory.stopDay - 1);
  const perDay = b.freqPerWeek / 7;
  const orders: OrderDraft[] = [];
  let cumulative = 0;
  let nextArrival = rng.unitErlang(b.regularity);
  for (let day = first; day <= last; day++) {
    cumulative +=
      perDay *
      (WEEKDAY_FACTORS[weekday(day)] ?? 1) *
      (season[day - startDay] ?? 1) *
      frequencyFactor(b.trajectory, day, startDay);
    let count = 0;
    while (nextArrival < cumulative) {
      count++;
      nextArrival += rng.unitErlang(b.regularity);
    }
    if (count === 0) continue;
    const aov = b.aovCents * orderValueFactor(b.trajectory, day, startDay);
    const from = orders.length;
    for (let k = 0; k < count; k++) orders.push(genuineOrder(day, aov, id, b, split, rng));
    if (count > 1) sortTail(orders, from);
  }
  if (orders.length === 0 && b.trajectory.kind === 'churned' && last >= first)
    orders.push(genuineOrder(last, b.aovCents, id, b, split, rng));
  return orders;
}

function genuineOrder(
  day: number,
  aov: number,
  id: Identity,
  b: Behaviour,
  split: Split | null,
  rng: Rng,
): OrderDraft {
  const onDuplicate = split !== null && day >= split.fromDay && rng.chance(split.share);
  return {
    day,
    second: orderSecond(rng),
    targetCents: aov * Math.exp(0.3 * rng.normal()),
    account: onDuplicate ? split.account : id.index,
    cancelled: rng.chance(CANCEL_RATE),
    channel: rng.chance(b.channelLoyalty) ? b.channel : rng.weighted(CHANNEL_WEIGHTS),
    burst: 0,
    brushSku: null,
    brushFate: BrushFate.Kept,
  };
}

/** Restaurants order mostly late in the evening for next-morning delivery, some in the morning. */
export function orderSecond(rng: Rng): number {
  const u = rng.next();
  if (u < 0.55) return rng.int(70_200, 86_399);
  if (u < 0.85) return rng.int(21_600, 39_600);
  return rng.int(43_200, 64_800);
}

function sortTail(orders: OrderDraft[], from: number): void {
  const tail = orders.splice(from).sort((a, c) => a.second - c.second);
  orders.push(...tail);
}
