import { CITIES, shortDistrict } from './geography.js';
import { CUISINES, CUISINE_WEIGHTS, cuisineIndex } from './cuisines.js';
import { brandName, chineseOrdinal, COMMON_NAMES } from './names.js';
import type { Rng } from './prng.js';
import type { Region } from './regions.js';

export type Trajectory = 'stable' | 'growing' | 'declining' | 'churned' | 'fastGrowing';

export interface Brand {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly cuisine: number;
  readonly size: number;
}

/** One customer account and the role the plan gave it; the rest is drawn from its own random stream. */
export interface Slot {
  readonly index: number;
  readonly id: string;
  readonly createdDay: number;
  region: number;
  brand: number;
  branchLabel: string;
  /** For a duplicate registration: the slot of the real customer; otherwise −1. */
  duplicateOf: number;
  /** For a customer registered twice: the slot of its duplicate; otherwise −1. */
  duplicatedBy: number;
  trajectory: Trajectory;
  risky: boolean;
  brushing: boolean;
  /** Index into COMMON_NAMES for restaurants planted with a shared common name; −1 otherwise. */
  commonName: number;
}

export interface Plan {
  readonly slots: readonly Slot[];
  readonly brands: readonly Brand[];
}

export const SHARES = {
  duplicates: 0.02,
  chainBranches: 0.15,
  fastGrowing: 0.03,
  churned: 0.08,
  growing: 0.1,
  declining: 0.08,
  risky: 0.05,
  brushing: 0.005,
} as const;

interface Period {
  readonly startDay: number;
  readonly endDay: number;
}

/**
 * The population: creation dates (ids follow creation order), regions, chains and their branches,
 * duplicate registrations, common-name look-alikes and the planted behaviours. Cheap (O(n)) and computed
 * identically by every worker from the seed alone.
 */
export function planPopulation(
  n: number,
  period: Period,
  regions: readonly Region[],
  rng: Rng,
  cityWeights: readonly number[] = CITIES.map((c) => c.weight),
): Plan {
  const { startDay, endDay } = period;
  const width = Math.max(6, String(n).length);
  const created: number[] = [];
  for (let i = 0; i < n; i++) {
    created.push(
      rng.chance(0.6)
        ? startDay - 1 - Math.floor(1825 * rng.next() ** 1.3)
        : rng.int(startDay, Math.max(startDay, endDay - 14)),
    );
  }
  created.sort((a, b) => a - b);
  const slots: Slot[] = created.map((createdDay, index) => ({
    index,
    id: `C${String(index + 1).padStart(width, '0')}`,
    createdDay,
    region: -1,
    brand: -1,
    branchLabel: '',
    duplicateOf: -1,
    duplicatedBy: -1,
    trajectory: 'stable',
    risky: false,
    brushing: false,
    commonName: -1,
  }));

  planDuplicates(slots, created, endDay, rng);
  const primaries = rng.shuffle(slots.filter((s) => s.duplicateOf < 0));
  const regionPicker = new RegionPicker(regions, cityWeights);
  const brands = planChains(slots, primaries, regions, regionPicker, rng);
  planCommonNames(primaries, regionPicker, rng);
  for (const s of primaries) if (s.region < 0) s.region = regionPicker.any(rng);
  for (const s of slots) if (s.duplicateOf >= 0) s.region = slots[s.duplicateOf]?.region ?? 0;
  planBehaviours(n, primaries, period, rng);
  return { slots, brands };
}

function planDuplicates(slots: Slot[], created: number[], endDay: number, rng: Rng): void {
  const target = Math.round(SHARES.duplicates * slots.length);
  const first = created[0] ?? 0;
  const candidates = rng.shuffle(
    slots.filter((s) => s.createdDay <= endDay - 45 && s.createdDay >= first + 30).map((s) => s.index),
  );
  let made = 0;
  for (const j of candidates) {
    if (made >= target) break;
    const dup = slots[j];
    if (!dup || dup.duplicatedBy >= 0 || dup.duplicateOf >= 0) continue;
    const eligible = upperBound(created, dup.createdDay - 30);
    for (let attempt = 0; attempt < 10 && eligible > 0; attempt++) {
      const orig = slots[rng.int(0, eligible - 1)];
      if (!orig || orig.duplicateOf >= 0 || orig.duplicatedBy >= 0) continue;
      orig.duplicatedBy = j;
      dup.duplicateOf = orig.index;
      made++;
      break;
    }
  }
}

/** Number of values ≤ x in a sorted array. */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Draws cities by weight (a city of weight 0 is never drawn) and districts of a city, outskirts less often. */
class RegionPicker {
  private readonly byCity: number[][];
  private readonly districtWeights: number[][];

  constructor(
    regions: readonly Region[],
    private readonly cityWeights: readonly number[],
  ) {
    this.byCity = CITIES.map((_, c) => regions.filter((r) => r.cityIndex === c).map((r) => r.index));
    this.districtWeights = this.byCity.map((ids) =>
      ids.map((id) => 2 - (regions[id]?.district.remoteness ?? 0)),
    );
  }

  city(rng: Rng): number {
    return rng.weighted(this.cityWeights);
  }

  inCity(city: number, rng: Rng): number {
    const ids = this.byCity[city] ?? [];
    return ids[rng.weighted(this.districtWeights[city] ?? [])] ?? 0;
  }

  any(rng: Rng): number {
    return this.inCity(this.city(rng), rng);
  }
}

function planChains(
  slots: Slot[],
  primaries: Slot[],
  regions: readonly Region[],
  picker: RegionPicker,
  rng: Rng,
): Brand[] {
  const total = Math.min(primaries.length, Math.round(SHARES.chainBranches * slots.length));
  const brands: Brand[] = [];
  const names = new Set<string>();
  let assigned = 0;
  while (assigned < total) {
    const remaining = total - assigned;
    let size = Math.min(remaining, Math.max(2, Math.min(80, Math.round(rng.lognormal(5, 0.7)))));
    if (remaining - size === 1) size++;
    const cuisine = rng.weighted(CUISINE_WEIGHTS.slice(0, -1));
    const cuisineDef = CUISINES[cuisine] ?? CUISINES[0];
    let name = '';
    for (let attempt = 0; attempt < 30 && (name === '' || names.has(name)); attempt++)
      name = cuisineDef ? brandName(rng, cuisineDef) : '';
    if (names.has(name)) name = `${name}${brands.length}`;
    names.add(name);
    const brand: Brand = {
      index: brands.length,
      id: `CH${String(brands.length + 1).padStart(4, '0')}`,
      name,
      cuisine,
      size,
    };
    brands.push(brand);
    const homeCity = picker.city(rng);
    const labels = new Set<string>();
    for (let b = 0; b < size; b++) {
      const slot = primaries[assigned + b];
      if (!slot) break;
      slot.brand = brand.index;
      slot.region = picker.inCity(rng.chance(0.8) ? homeCity : picker.city(rng), rng);
      slot.branchLabel = branchLabel(regions[slot.region], labels, rng);
    }
    assigned += size;
  }
  return brands;
}

function branchLabel(region: Region | undefined, used: Set<string>, rng: Rng): string {
  const short = region ? shortDistrict(region.district.name) : '总';
  const options = rng.shuffle([`${short}店`, ...(region?.district.areas ?? []).map((a) => `${a}店`)]);
  let label = options.find((o) => !used.has(o));
  for (let k = 2; !label; k++) {
    const candidate = `${short}${chineseOrdinal(k)}店`;
    if (!used.has(candidate)) label = candidate;
  }
  used.add(label);
  return label;
}

/** Groups of unrelated restaurants sharing a common name (老王烧烤…), each in a different district. */
function planCommonNames(primaries: Slot[], picker: RegionPicker, rng: Rng): void {
  if (primaries.length < 100) return;
  const groups = Math.max(3, Math.round(primaries.length / 1500));
  const singles = primaries.filter((s) => s.brand < 0);
  let next = 0;
  for (let g = 0; g < groups; g++) {
    const name = g % COMMON_NAMES.length;
    const size = rng.int(2, 4);
    const city = picker.city(rng);
    const used = new Set<number>();
    for (let m = 0; m < size && next < singles.length; m++) {
      const slot = singles[next++];
      if (!slot) break;
      let region = picker.inCity(rng.chance(0.7) ? city : picker.city(rng), rng);
      for (let attempt = 0; attempt < 20 && used.has(region); attempt++) region = picker.any(rng);
      used.add(region);
      slot.region = region;
      slot.commonName = name;
    }
  }
}

/** Marks up to `count` slots of `pool` that pass `eligible`; returns how many were marked. */
function mark(
  count: number,
  pool: readonly Slot[],
  eligible: (s: Slot) => boolean,
  apply: (s: Slot) => void,
) {
  let made = 0;
  for (const s of pool) {
    if (made >= count) break;
    if (!eligible(s)) continue;
    apply(s);
    made++;
  }
  return made;
}

const isStable = (s: Slot) => s.trajectory === 'stable';

function planBehaviours(n: number, primaries: Slot[], period: Period, rng: Rng): void {
  const { startDay, endDay } = period;
  const fast = Math.round(SHARES.fastGrowing * n);
  const recentFrom = Math.max(startDay - 30, endDay - 450);
  const recent = rng.shuffle(
    primaries.filter((s) => s.createdDay >= recentFrom && s.createdDay <= endDay - 150),
  );
  const older = rng.shuffle(primaries.filter((s) => s.createdDay < recentFrom));
  const setFast = (s: Slot) => (s.trajectory = 'fastGrowing');
  const fromRecent = mark(Math.round(fast * 0.8), recent, isStable, setFast);
  mark(fast - fromRecent, [...older, ...recent], isStable, setFast);
  const established = rng.shuffle(primaries.filter((s) => s.createdDay <= endDay - 100));
  mark(Math.round(SHARES.churned * n), established, isStable, (s) => (s.trajectory = 'churned'));
  const all = rng.shuffle([...primaries]);
  mark(Math.round(SHARES.growing * n), all, isStable, (s) => (s.trajectory = 'growing'));
  mark(Math.round(SHARES.declining * n), rng.shuffle(all), isStable, (s) => (s.trajectory = 'declining'));
  const riskPool = rng.shuffle(primaries.filter((s) => s.createdDay <= endDay - 120));
  mark(
    Math.round(SHARES.risky * n),
    riskPool,
    (s) => s.trajectory !== 'fastGrowing',
    (s) => (s.risky = true),
  );
  const brushPool = rng.shuffle(primaries.filter((s) => s.createdDay <= endDay - 40));
  const brushers = n >= 200 ? Math.max(1, Math.round(SHARES.brushing * n)) : 0;
  mark(
    brushers,
    brushPool,
    (s) => s.trajectory !== 'churned',
    (s) => (s.brushing = true),
  );
}

export function cuisineOfCommonName(index: number): number {
  const entry = COMMON_NAMES[index];
  return entry ? cuisineIndex(entry[1]) : 0;
}
