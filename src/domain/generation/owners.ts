import { CITIES } from './geography.js';
import { personName } from './names.js';
import type { Plan, Slot } from './plan.js';
import { Rng, STREAM } from './prng.js';
import type { Region } from './regions.js';
import { CHAIN_SKILL, type CoverageRep } from './rep-coverage.js';

/** A sales rep (account manager) of a city team. */
export interface Rep {
  readonly id: string;
  readonly name: string;
  /** City team, e.g. 北京一组. */
  readonly team: string;
}

/** The sales force of a dataset: reps by city, drawn from the seed and the population plan alone. */
export interface SalesForce {
  readonly reps: readonly Rep[];
  /** Indices into `reps` of each city's reps, by city index. */
  readonly byCity: readonly (readonly number[])[];
}

/** About one rep per this many customers of a city (so roughly 90–150 customers each). */
export const CUSTOMERS_PER_REP = 120;
/** Reps per team at most; a city's reps are split into teams of about equal size. */
export const REPS_PER_TEAM = 6;
/** Share of duplicate registrations owned by the rep of the real customer (the others by a colleague). */
const DUPLICATE_SAME_REP = 0.6;
/** Share of accounts owned since their creation; the others were reassigned later. */
const OWNED_SINCE_CREATION = 0.7;

const TEAM_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const teamName = (city: string, k: number) => `${city}${TEAM_NUMERALS[k] ?? String(k + 1)}组`;

export interface SalesForceOptions {
  /** About one rep per this many real customers of a city (default CUSTOMERS_PER_REP). */
  readonly customersPerRep: number;
  /** Cities with customers, by city index: only these get reps. */
  readonly cities: readonly boolean[];
}

/**
 * Reps per city team: one per ~`customersPerRep` real customers of each selected city (at least one), with unique
 * Chinese names; cities without customers by choice (not selected) get none.
 */
export function planSalesForce(
  plan: Plan,
  regions: readonly Region[],
  rng: Rng,
  options: SalesForceOptions = { customersPerRep: CUSTOMERS_PER_REP, cities: CITIES.map(() => true) },
): SalesForce {
  const perCity = CITIES.map(() => 0);
  for (const s of plan.slots) {
    const city = regions[s.region]?.cityIndex ?? 0;
    if (s.duplicateOf < 0) perCity[city] = (perCity[city] ?? 0) + 1;
  }
  const reps: Rep[] = [];
  const names = new Set<string>();
  const byCity = CITIES.map((city, c) => {
    const count = options.cities[c]
      ? Math.max(1, Math.round((perCity[c] ?? 0) / options.customersPerRep))
      : 0;
    const teams = Math.ceil(count / REPS_PER_TEAM);
    const indices: number[] = [];
    for (let r = 0; r < count; r++) {
      let name = personName(rng);
      for (let attempt = 0; attempt < 20 && names.has(name); attempt++) name = personName(rng);
      names.add(name);
      indices.push(reps.length);
      reps.push({
        id: `R${String(reps.length + 1).padStart(4, '0')}`,
        name,
        team: teamName(city.name, Math.floor((r * teams) / count)),
      });
    }
    return indices;
  });
  return { reps, byCity };
}

/** Who owns an account and since which day. */
export interface Ownership {
  readonly rep: Rep;
  readonly sinceDay: number;
}

interface OwnerWorld {
  readonly seed: readonly [number, number];
  readonly endDay: number;
  readonly regions: readonly Region[];
  readonly plan: Plan;
  readonly salesForce: SalesForce;
  readonly repProfiles: readonly CoverageRep[];
}

/** Share of accounts handed out before territories were drawn: owned by any rep of the city. */
const OUT_OF_TERRITORY = 0.1;

const cityOf = (world: OwnerWorld, slot: Slot) => world.regions[slot.region]?.cityIndex ?? 0;

const chainCapable = (rep: CoverageRep) =>
  rep.skills.includes(CHAIN_SKILL) && (rep.seniority === 'senior' || rep.role === 'key_account');

/**
 * Who may own the account: for a chain branch, a key-account manager of the city (they own their chains across
 * the city), else a chain-capable senior; for other accounts, a rep covering the district.
 */
function eligibleReps(world: OwnerWorld, reps: readonly number[], slot: Slot): number[] {
  const profile = (r: number) => world.repProfiles[r];
  if (slot.brand >= 0) {
    const keyAccounts = reps.filter((r) => profile(r)?.role === 'key_account');
    return keyAccounts.length > 0 ? keyAccounts : reps.filter((r) => chainCapable(profile(r) ?? NO_REP));
  }
  const district = world.regions[slot.region]?.district.name ?? '';
  return reps.filter((r) => {
    const p = profile(r);
    return p !== undefined && (p.districts.length === 0 || p.districts.includes(district));
  });
}

const NO_REP: CoverageRep = {
  role: 'sales',
  seniority: 'junior',
  base: { lat: 0, lon: 0 },
  districts: [],
  skills: [],
};

/**
 * The rep a real customer is assigned to: an eligible one (eligibleReps; the branches of one chain in one city
 * share theirs), except for OUT_OF_TERRITORY of accounts, owned by any rep of the city. Depends only on
 * (seed, slot).
 */
function repOfPrimary(world: OwnerWorld, slot: Slot): number {
  const city = cityOf(world, slot);
  const reps = world.salesForce.byCity[city] ?? [];
  const rng =
    slot.brand >= 0
      ? new Rng(world.seed[0], world.seed[1], STREAM.owners, -1 - slot.brand, city)
      : new Rng(world.seed[0], world.seed[1], STREAM.owners, slot.index);
  const eligible = eligibleReps(world, reps, slot);
  const pool = eligible.length === 0 || rng.chance(OUT_OF_TERRITORY) ? reps : eligible;
  return pool[rng.int(0, pool.length - 1)] ?? 0;
}

/**
 * The owner of the account in `slot`. A duplicate registration is owned by the real customer's rep or, now and
 * then, by a colleague of the same city who registered it again.
 */
export function ownershipOf(world: OwnerWorld, slot: Slot): Ownership {
  const rng = new Rng(world.seed[0], world.seed[1], STREAM.owners, slot.index, 1);
  const primary = slot.duplicateOf >= 0 ? world.plan.slots[slot.duplicateOf] : undefined;
  let rep = repOfPrimary(world, primary ?? slot);
  if (primary && !rng.chance(DUPLICATE_SAME_REP)) {
    const reps = world.salesForce.byCity[cityOf(world, slot)] ?? [];
    const others = reps.filter((r) => r !== rep);
    if (others.length > 0) rep = others[rng.int(0, others.length - 1)] ?? rep;
  }
  const created = Math.min(slot.createdDay, world.endDay);
  const sinceDay = rng.chance(OWNED_SINCE_CREATION)
    ? created
    : rng.int(Math.max(created, world.endDay - 730), world.endDay);
  const owner = world.salesForce.reps[rep];
  if (!owner) throw new Error(`no rep ${rep}`);
  return { rep: owner, sinceDay };
}
