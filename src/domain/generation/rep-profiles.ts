import type { RepRole, Seniority } from '../../contracts/allocation/roles.js';
import type { Leave } from '../allocation/model.js';
import { distanceMetres } from '../cleaning/geo.js';
import { isoDate } from './calendar.js';
import { CUISINES, CUISINE_WEIGHTS } from './cuisines.js';
import { CITIES, type DistrictDef } from './geography.js';
import type { Rep, SalesForce } from './owners.js';
import type { Plan } from './plan.js';
import { Rng, STREAM } from './prng.js';
import type { Region } from './regions.js';
import { CHAIN_SKILL, ensureCoverage, type CoverageRep } from './rep-coverage.js';
import { CAPACITY_HEADROOM, expectedWeeklyHoursPerCustomer } from './rep-workload.js';

/** A rep as the reps table describes them. */
export interface RepProfile extends CoverageRep {
  readonly rep: Rep;
  readonly city: string;
  /** Workload points (hours) per week. */
  readonly capacity: number;
  readonly leave: readonly Leave[];
}

/** Role shares of a city's reps (rounded per city); key-account managers are always senior. */
export const ROLE_SHARES: Readonly<Record<RepRole, number>> = { key_account: 0.1, sales: 0.6, service: 0.3 };
/** Share of senior reps, key-account managers included (before coverage repairs promote a few). */
export const SENIOR_SHARE = 0.4;
/** Chances of the chain skill besides key-account managers (about 30 % of the others overall). */
const CHAIN_CHANCE: Readonly<Record<Seniority, number>> = { senior: 0.5, junior: 0.2 };
const TWO_CUISINES = 0.4;
const LANGUAGE_CHANCE = 0.25;
/** Languages spoken besides Mandarin, by city (others: English or Cantonese). */
const LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  广州: ['粤语', '粤语', 'English'],
  深圳: ['粤语', 'English'],
  上海: ['English', 'English', '日语'],
};
const OTHER_LANGUAGES = ['English', 'English', '粤语'];
/** Capacity of each rep relative to the city's mean: uniform in [1 − x, 1 + x]. */
const CAPACITY_SPREAD = 0.2;
const LEAVE_SHARE = 0.15;
/** Leave ranges lie within the last 30 days up to the end and the 60 days after it. */
const LEAVE_WINDOW = { before: 30, after: 60 } as const;
/** Home bases lie within about a kilometre of the home district's centre. */
const BASE_JITTER = { lat: 0.009, lon: 0.011 } as const;

interface RepsWorld {
  readonly seed: readonly [number, number];
  readonly endDay: number;
  readonly regions: readonly Region[];
  readonly plan: Plan;
  readonly salesForce: SalesForce;
}

/**
 * Every rep of the sales force, in rep order: role, seniority, home base in a district of their city, the districts
 * they cover (home plus 1–3 nearest, repaired so that every district has two reps and a chain-capable senior),
 * skills, capacity sized on the city's expected workload, and leave. Drawn from stream `reps`: per rep, and per
 * city for the role mix; the owners' draws and every other table are untouched.
 */
export function planRepProfiles(world: RepsWorld): RepProfile[] {
  const customers = customersByRegion(world);
  const profiles: RepProfile[] = [];
  CITIES.forEach((city, c) => {
    const indices = world.salesForce.byCity[c] ?? [];
    if (indices.length === 0) return;
    const regions = world.regions.filter((r) => r.cityIndex === c);
    const cityRng = new Rng(world.seed[0], world.seed[1], STREAM.reps, -1 - c);
    const homes = apportion(
      indices.length,
      regions.map((r) => customers[r.index] ?? 0),
    );
    const roles = cityRng.shuffle(roleMix(indices.length));
    const seniors = seniorFlags(roles, cityRng);
    const drafts = indices.map((repIndex, k) => {
      const rng = new Rng(world.seed[0], world.seed[1], STREAM.reps, repIndex);
      const rep = world.salesForce.reps[repIndex];
      const home = regions[homes[k] ?? 0]?.district;
      if (!rep || !home) throw new Error(`rep ${repIndex} has no home district`);
      return draftRep(
        rep,
        city.name,
        home,
        city.districts,
        roles[k] ?? 'sales',
        seniors[k] ?? false,
        rng,
        world,
      );
    });
    ensureCoverage(drafts, city.districts);
    const weeklyHours =
      regions.reduce((sum, r) => sum + (customers[r.index] ?? 0), 0) * expectedWeeklyHoursPerCustomer();
    const shares = capacityShares(drafts.map((d) => d.weight));
    for (const [k, d] of drafts.entries()) {
      const capacity = (CAPACITY_HEADROOM * weeklyHours * (shares[k] ?? 1)) / drafts.length;
      profiles.push({
        rep: d.rep,
        city: d.city,
        role: d.role,
        seniority: d.seniority,
        base: d.base,
        districts: byDistanceFrom(d.districts, city.districts),
        skills: d.skills,
        capacity: Math.max(1, Math.round(capacity * 10) / 10),
        leave: d.leave,
      });
    }
  });
  return profiles;
}

type Draft = Omit<RepProfile, 'capacity'> & { readonly weight: number };

function draftRep(
  rep: Rep,
  city: string,
  home: DistrictDef,
  districts: readonly DistrictDef[],
  role: RepRole,
  senior: boolean,
  rng: Rng,
  world: RepsWorld,
): Draft {
  const base = {
    lat: round6(home.lat + rng.range(-BASE_JITTER.lat, BASE_JITTER.lat)),
    lon: round6(home.lon + rng.range(-BASE_JITTER.lon, BASE_JITTER.lon)),
  };
  const neighbours = districts
    .filter((d) => d.name !== home.name)
    .sort((a, b) => distanceMetres(home, a) - distanceMetres(home, b))
    .slice(0, rng.int(1, 3))
    .map((d) => d.name);
  const seniority: Seniority = senior || role === 'key_account' ? 'senior' : 'junior';
  const skills: string[] = [];
  if (role === 'key_account' || rng.chance(CHAIN_CHANCE[seniority])) skills.push(CHAIN_SKILL);
  const cuisines = rng.chance(TWO_CUISINES) ? 2 : 1;
  const weights = [...CUISINE_WEIGHTS];
  for (let i = 0; i < cuisines; i++) {
    const pick = rng.weighted(weights);
    skills.push(CUISINES[pick]?.name ?? '');
    weights[pick] = 0;
  }
  if (rng.chance(LANGUAGE_CHANCE)) skills.push(rng.pick(LANGUAGES[city] ?? OTHER_LANGUAGES));
  const weight = rng.range(1 - CAPACITY_SPREAD, 1 + CAPACITY_SPREAD);
  const leave: Leave[] = [];
  if (rng.chance(LEAVE_SHARE)) {
    const days = rng.int(3, 10);
    const from = rng.int(
      world.endDay - LEAVE_WINDOW.before + 1,
      world.endDay + LEAVE_WINDOW.after - days + 1,
    );
    leave.push({ from: isoDate(from), to: isoDate(from + days - 1) });
  }
  return { rep, city, role, seniority, base, districts: [home.name, ...neighbours], skills, weight, leave };
}

/** Real customers (duplicates excluded: cleaning merges them) per region index. */
function customersByRegion(world: RepsWorld): number[] {
  const counts = world.regions.map(() => 0);
  for (const s of world.plan.slots) if (s.duplicateOf < 0) counts[s.region] = (counts[s.region] ?? 0) + 1;
  return counts;
}

/**
 * `n` home districts (positions into `weights`) in district order, apportioned to the weights by largest
 * remainder; equal weights when all are zero. Consecutive reps, who share a team, get neighbouring positions.
 */
export function apportion(n: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const shares = weights.map((w) => (total > 0 ? (n * w) / total : n / weights.length));
  const counts = shares.map(Math.floor);
  const order = shares
    .map((s, i) => ({ i, rest: s - Math.floor(s) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0, missing = n - counts.reduce((s, c) => s + c, 0); k < missing; k++) {
    const i = order[k % order.length]?.i ?? 0;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts.flatMap((count, i) => Array.from({ length: count }, () => i));
}

/**
 * Each rep's capacity relative to the city's mean: the drawn weights centred on 1 and, when a deviation exceeds
 * CAPACITY_SPREAD, shrunk so that every rep stays within ±CAPACITY_SPREAD of the mean.
 */
export function capacityShares(weights: readonly number[]): number[] {
  const mean = weights.reduce((s, w) => s + w, 0) / weights.length;
  const widest = Math.max(0, ...weights.map((w) => Math.abs(w - mean)));
  const scale = widest > CAPACITY_SPREAD ? CAPACITY_SPREAD / widest : 1;
  return weights.map((w) => 1 + (w - mean) * scale);
}

/** The role of each of `n` reps by ROLE_SHARES (rounded; sales takes the rest), before shuffling. */
export function roleMix(n: number): RepRole[] {
  const keyAccounts = Math.round(n * ROLE_SHARES.key_account);
  const service = Math.min(n - keyAccounts, Math.round(n * ROLE_SHARES.service));
  return [
    ...Array.from({ length: keyAccounts }, (): RepRole => 'key_account'),
    ...Array.from({ length: service }, (): RepRole => 'service'),
    ...Array.from({ length: n - keyAccounts - service }, (): RepRole => 'sales'),
  ];
}

/** Which reps are senior: every key-account manager, and others at random up to SENIOR_SHARE of the city. */
function seniorFlags(roles: readonly RepRole[], rng: Rng): boolean[] {
  const flags = roles.map((r) => r === 'key_account');
  const others = rng.shuffle(roles.flatMap((r, i) => (r === 'key_account' ? [] : [i])));
  const wanted = Math.max(0, Math.round(roles.length * SENIOR_SHARE) - (roles.length - others.length));
  for (const i of others.slice(0, wanted)) flags[i] = true;
  return flags;
}

/** The home district first, then the others by distance from it. */
function byDistanceFrom(names: readonly string[], districts: readonly DistrictDef[]): string[] {
  const [home, ...rest] = names;
  const centre = districts.find((d) => d.name === home);
  const distance = (name: string) => {
    const d = districts.find((x) => x.name === name);
    return centre && d ? distanceMetres(centre, d) : 0;
  };
  return home === undefined ? [] : [home, ...rest.sort((a, b) => distance(a) - distance(b))];
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
