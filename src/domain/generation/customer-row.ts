import type { Identity } from './profile.js';
import { T, type RowBuffer } from './row-buffer.js';
import type { World } from './world.js';

export function writeCustomer(world: World, c: Identity, out: RowBuffer): void {
  out
    .row(T.customers)
    .ascii(c.id)
    .comma()
    .text(c.name)
    .comma()
    .ascii(c.chainId ? 'chain' : 'single')
    .comma()
    .ascii(c.chainId)
    .comma()
    .text(c.cuisine.name)
    .comma()
    .int(c.seats)
    .comma()
    .int(c.stores)
    .comma()
    .text(c.region.city)
    .comma()
    .text(c.region.district.name)
    .comma()
    .text(c.address)
    .comma()
    .ascii(c.lat.toFixed(6))
    .comma()
    .ascii(c.lon.toFixed(6))
    .comma()
    .ascii(c.phone)
    .comma()
    .text(c.contact)
    .comma()
    .ascii(world.days.date(c.createdDay))
    .end();
}
