import { shortDistrict } from './geography.js';
import { mobilePhone, personName } from './names.js';
import type { Slot } from './plan.js';
import type { Identity } from './profile.js';
import { Rng, STREAM } from './prng.js';
import { applyVariants, DUPLICATE_VARIANTS } from './text-variants.js';
import type { World } from './world.js';

export interface Duplicate {
  readonly identity: Identity;
  /** Variants applied to name and address, plus `different_phone` when the phone differs. */
  readonly variants: readonly string[];
  /** Share of the real customer's orders after the duplicate's creation that are booked on the duplicate. */
  readonly splitShare: number;
}

const METRES_PER_DEGREE = 111_320;

/** A second registration of `original` under the duplicate slot's id, created later and typed differently. */
export function drawDuplicate(world: World, slot: Slot, original: Identity): Duplicate {
  const rng = new Rng(world.seed[0], world.seed[1], STREAM.duplicate, slot.index);
  const count = 1 + rng.weighted([50, 35, 15]);
  const variants = rng.shuffle([...DUPLICATE_VARIANTS]).slice(0, count);
  const district = original.region.district.name;
  const changed = applyVariants({ name: original.name, address: original.address }, variants, {
    city: original.region.city,
    district,
    shortDistrict: shortDistrict(district),
    pick: rng.int(0, 11),
  });
  const samePhone = rng.chance(0.8);
  const metres = rng.range(3, 45);
  const angle = rng.range(0, 2 * Math.PI);
  const lat = original.lat + (metres * Math.sin(angle)) / METRES_PER_DEGREE;
  const lon =
    original.lon +
    (metres * Math.cos(angle)) / (METRES_PER_DEGREE * Math.cos((original.lat * Math.PI) / 180));
  const identity: Identity = {
    ...original,
    id: slot.id,
    index: slot.index,
    name: changed.name,
    address: changed.address,
    lat,
    lon,
    phone: samePhone
      ? original.phone
      : mobilePhone(2 * world.spec.customers + slot.index, world.seed[0], rng),
    contact: rng.chance(0.7) ? original.contact : personName(rng),
    seats: rng.chance(0.7) ? original.seats : Math.max(6, Math.round(original.seats * rng.range(0.8, 1.2))),
    createdDay: slot.createdDay,
  };
  return {
    identity,
    variants: samePhone ? variants : [...variants, 'different_phone'],
    splitShare: rng.range(0.3, 0.8),
  };
}
