import { BRUSHING_SKUS } from './catalogue.js';
import { BrushFate, type OrderDraft } from './order-draft.js';
import type { Behaviour, Identity } from './profile.js';
import type { Rng } from './prng.js';
import type { World } from './world.js';

const APP = 0;
const MINI_PROGRAM = 1;

/**
 * 1–3 brushing bursts (刷单): 5–15 small orders of one cheap SKU within 20–90 minutes, near-identical in
 * amount, placed through the app or mini program; at least 80 % are cancelled or fully refunded afterwards.
 */
export function drawBursts(world: World, id: Identity, b: Behaviour, rng: Rng): OrderDraft[] {
  const first = Math.max(world.startDay, id.createdDay) + 7;
  const last = Math.min(world.endDay - 3, b.trajectory.stopDay - 2);
  if (last < first) return [];
  const orders: OrderDraft[] = [];
  const bursts = 1 + rng.weighted([50, 35, 15]);
  for (let burst = 1; burst <= bursts; burst++) {
    const day = rng.int(first, last);
    const size = rng.int(5, 15);
    const window = rng.int(20, 90) * 60;
    const start = rng.int(9 * 3600, 24 * 3600 - window - 1);
    const sku = rng.pick(BRUSHING_SKUS);
    const channel = rng.chance(0.5) ? APP : MINI_PROGRAM;
    const kept = Math.floor(size * rng.range(0, 0.2));
    const fates = rng.shuffle(
      Array.from({ length: size }, (_, k) =>
        k < kept ? BrushFate.Kept : rng.chance(0.6) ? BrushFate.Cancelled : BrushFate.Refunded,
      ),
    );
    const offsets = Array.from({ length: size }, (_, k) => (k === 0 ? 0 : rng.int(0, window))).sort(
      (x, y) => x - y,
    );
    for (let k = 0; k < size; k++) {
      const fate = fates[k] ?? BrushFate.Cancelled;
      orders.push({
        day,
        second: start + (offsets[k] ?? 0),
        targetCents: sku.priceCents,
        account: id.index,
        cancelled: fate === BrushFate.Cancelled,
        channel,
        burst,
        brushSku: sku,
        brushFate: fate,
      });
    }
  }
  return orders;
}
