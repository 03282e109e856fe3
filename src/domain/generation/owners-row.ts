import { ownershipOf } from './owners.js';
import type { Slot } from './plan.js';
import { T, type RowBuffer } from './row-buffer.js';
import type { World } from './world.js';

/** The customer_owners row of the account in `slot`: its rep, the rep's team and since when. */
export function writeOwner(world: World, slot: Slot, out: RowBuffer): void {
  const { rep, sinceDay } = ownershipOf(world, slot);
  out
    .row(T.customerOwners)
    .ascii(slot.id)
    .comma()
    .ascii(rep.id)
    .comma()
    .text(rep.name)
    .comma()
    .text(rep.team)
    .comma()
    .ascii(world.days.date(sinceDay))
    .end();
}
