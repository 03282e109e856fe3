import { ownershipOf, type Ownership } from './owners.js';
import type { Slot } from './plan.js';
import { T, type RowBuffer } from './row-buffer.js';
import type { World } from './world.js';

/** The customer_owners row of the account in `slot`: its rep, the rep's team and since when (returned). */
export function writeOwner(world: World, slot: Slot, out: RowBuffer): Ownership {
  const ownership = ownershipOf(world, slot);
  const { rep, sinceDay } = ownership;
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
  return ownership;
}
