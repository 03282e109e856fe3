import { CATEGORIES } from './catalogue.js';
import { CUISINES, CUISINE_WEIGHTS, type CuisineDef } from './cuisines.js';
import { STREETS } from './geography.js';
import { COMMON_NAMES, mobilePhone, personName, restaurantName, streetAddress } from './names.js';
import { cuisineOfCommonName, type Slot } from './plan.js';
import { Rng, STREAM } from './prng.js';
import { drawSku } from './sku-preferences.js';
import type { Region } from './regions.js';
import type { TrajectoryParams } from './trajectory.js';
import type { World } from './world.js';

export const CHANNELS = ['app', 'mini_program', 'phone', 'sales_rep', 'web'] as const;
const CHANNEL_WEIGHTS = [45, 30, 10, 10, 5];

export type Terms = 'prepaid' | 'weekly' | 'monthly';
export const RISK_REASONS = ['late_payment', 'unpaid', 'dispute', 'complaints', 'poor_rating'] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

/** The customer master row of one account. */
export interface Identity {
  readonly id: string;
  readonly index: number;
  readonly name: string;
  readonly chainId: string;
  readonly cuisine: CuisineDef;
  readonly seats: number;
  readonly stores: number;
  readonly region: Region;
  readonly address: string;
  readonly lat: number;
  readonly lon: number;
  readonly phone: string;
  readonly contact: string;
  readonly createdDay: number;
}

/** How a real customer orders, pays and behaves. */
export interface Behaviour {
  readonly freqPerWeek: number;
  /** Erlang shape of the gaps between orders: 1 = orders at random (Poisson), higher = a steadier cycle. */
  readonly regularity: number;
  readonly aovCents: number;
  readonly margin: number;
  readonly channel: number;
  readonly channelLoyalty: number;
  readonly terms: Terms;
  /** Share of invoices paid late, and by how many days (inclusive range). */
  readonly lateShare: number;
  readonly lateDays: readonly [number, number];
  readonly complaintRate: number;
  /** SKU indices (into SKUS_BY_CATEGORY[c]) the customer usually buys, per category. */
  readonly favourites: readonly (readonly number[])[];
  readonly trajectory: TrajectoryParams;
  readonly riskReasons: readonly RiskReason[];
}

export interface Profile {
  readonly identity: Identity;
  readonly behaviour: Behaviour;
}

/** Draws the identity and behaviour of a real (non-duplicate) customer from its own stream. */
export function drawProfile(world: World, slot: Slot): Profile {
  const rng = new Rng(world.seed[0], world.seed[1], STREAM.profile, slot.index);
  const region = world.regions[slot.region] ?? world.regions[0];
  if (!region) throw new Error('no regions');
  const brand = slot.brand >= 0 ? world.plan.brands[slot.brand] : undefined;
  const cuisineIdx = brand
    ? brand.cuisine
    : slot.commonName >= 0
      ? cuisineOfCommonName(slot.commonName)
      : rng.weighted(CUISINE_WEIGHTS);
  const cuisine = CUISINES[cuisineIdx] ?? (CUISINES[0] as CuisineDef);
  const name = brand
    ? `${brand.name}（${slot.branchLabel}）`
    : slot.commonName >= 0
      ? (COMMON_NAMES[slot.commonName]?.[0] ?? restaurantName(rng, cuisine))
      : restaurantName(rng, cuisine);
  const seats = Math.round(
    Math.min(1200, Math.max(6, rng.lognormal(cuisine.seatsMedian * (brand ? 1.3 : 1), 0.55))),
  );
  const n = world.spec.customers;
  const phone =
    brand && rng.chance(0.3)
      ? mobilePhone(
          n + brand.index,
          world.seed[0],
          new Rng(world.seed[0], world.seed[1], STREAM.profile, -1 - brand.index),
        )
      : mobilePhone(slot.index, world.seed[0], rng);
  const identity: Identity = {
    id: slot.id,
    index: slot.index,
    name,
    chainId: brand?.id ?? '',
    cuisine,
    seats,
    stores: brand?.size ?? 1,
    region,
    address: streetAddress(rng, region.city, region.district.name, rng.pick(STREETS)),
    lat: region.district.lat + rng.normal() * 0.012,
    lon: region.district.lon + rng.normal() * 0.014,
    phone,
    contact: personName(rng),
    createdDay: slot.createdDay,
  };
  return { identity, behaviour: drawBehaviour(world, slot, identity, rng) };
}

function drawBehaviour(world: World, slot: Slot, id: Identity, rng: Rng): Behaviour {
  const { startDay } = world;
  const r = rng.next();
  let freq =
    r < 0.35
      ? rng.range(0.3, 0.7)
      : r < 0.7
        ? rng.range(0.7, 1.2)
        : r < 0.92
          ? rng.range(1.3, 2.6)
          : r < 0.98
            ? rng.range(3, 5)
            : rng.range(6, 7);
  freq *= Math.min(1.6, Math.max(0.7, (id.seats / id.cuisine.seatsMedian) ** 0.2));
  let aov = (100 + 5.5 * id.seats) * id.cuisine.aovFactor * rng.lognormal(1, 0.35) * 100;
  const reasons = slot.risky ? drawRiskReasons(rng) : [];
  const trajectory = drawTrajectory(world, slot, rng);
  if (trajectory.kind === 'fastGrowing') {
    freq = Math.max(freq, 0.6);
    if (slot.createdDay >= startDay - 30) aov *= 0.6; // trial orders of a new account
  }
  if (trajectory.kind === 'churned') freq = Math.max(freq, 0.5);
  const owesMoney = reasons.includes('late_payment') || reasons.includes('unpaid');
  const terms: Terms = owesMoney
    ? rng.chance(0.5)
      ? 'weekly'
      : 'monthly'
    : drawTerms(rng, slot.brand >= 0, id.seats);
  const late = reasons.includes('late_payment');
  const sometimesLate = !slot.risky && rng.chance(0.12);
  // One draw per favourite, through the cuisine's SKU weights: a 川菜 kitchen's favourites lean to 郫县豆瓣酱 and 花椒.
  const favourites = CATEGORIES.map((_, c) =>
    Array.from({ length: rng.int(2, 5) }, () => drawSku(rng, id.cuisine.skuCumulative, c)),
  );
  return {
    freqPerWeek: freq,
    regularity: drawRegularity(rng, slot.brand >= 0),
    aovCents: aov,
    margin: rng.range(0.09, 0.21),
    channel: rng.weighted(CHANNEL_WEIGHTS),
    channelLoyalty: rng.range(0.75, 0.95),
    terms,
    lateShare: late ? rng.range(0.6, 0.9) : sometimesLate ? 0.2 : 0,
    lateDays: late ? [10, 90] : [1, 7],
    complaintRate: 0.003 * (1 + 2 * id.region.district.remoteness) * rng.lognormal(1, 0.5),
    favourites,
    trajectory,
    riskReasons: reasons,
  };
}

/**
 * Restaurants restock on a cycle (chains on a fixed schedule), so the gaps between their orders vary far less
 * than a Poisson process's: shapes 1–7 give coefficients of variation 1.0–0.38.
 */
function drawRegularity(rng: Rng, chain: boolean): number {
  return 1 + rng.weighted(chain ? [2, 8, 20, 25, 20, 15, 10] : [10, 15, 20, 20, 15, 10, 10]);
}

function drawTerms(rng: Rng, chain: boolean, seats: number): Terms {
  const weights = chain ? [5, 25, 70] : seats > 120 ? [30, 30, 40] : [60, 25, 15];
  return (['prepaid', 'weekly', 'monthly'] as const)[rng.weighted(weights)] ?? 'prepaid';
}

function drawRiskReasons(rng: Rng): RiskReason[] {
  const odds: Record<RiskReason, number> = {
    late_payment: 0.6,
    unpaid: 0.35,
    dispute: 0.3,
    complaints: 0.35,
    poor_rating: 0.5,
  };
  const reasons = RISK_REASONS.filter((r) => rng.chance(odds[r]));
  return reasons.length > 0 ? reasons : ['late_payment'];
}

function drawTrajectory(world: World, slot: Slot, rng: Rng): TrajectoryParams {
  const { startDay, endDay } = world;
  const base = {
    kind: slot.trajectory,
    growth: rng.normal() * 0.08,
    stopDay: Infinity,
    fadeDays: 0,
    since: 0,
    ramp: 1,
    freqGain: 1,
    aovGain: 1,
  };
  const active = Math.max(startDay, slot.createdDay);
  switch (slot.trajectory) {
    case 'stable':
      return base;
    case 'growing':
      return { ...base, growth: rng.range(0.3, 1) };
    case 'declining':
      return { ...base, growth: -rng.range(0.4, 0.9) };
    case 'churned': {
      const lo = Math.min(active + 45, endDay - 21);
      return {
        ...base,
        stopDay: rng.int(lo, endDay - 21),
        fadeDays: rng.chance(0.6) ? rng.int(30, 90) : 0,
      };
    }
    case 'fastGrowing': {
      const recent = slot.createdDay >= startDay - 30;
      const latest = endDay - 120;
      const since = Math.max(
        startDay,
        Math.min(
          latest,
          recent ? active + rng.int(14, 45) : rng.int(startDay + 20, Math.max(startDay + 20, latest)),
        ),
      );
      const ramp = Math.max(30, Math.min(rng.int(60, 110), endDay - since - 20));
      const mode = rng.next();
      return {
        ...base,
        since,
        ramp,
        freqGain: mode < 0.4 ? rng.range(3.5, 6) : mode < 0.7 ? 1.1 : rng.range(2, 2.6),
        aovGain: mode < 0.4 ? 1.1 : mode < 0.7 ? rng.range(3.5, 5) : rng.range(1.8, 2.4),
      };
    }
  }
}
