import { describe, expect, it } from 'vitest';
import { CITIES } from './geography.js';
import type { GenerationSpec } from './generation-spec.js';
import { ownershipOf } from './owners.js';
import { apportion, planRepProfiles, roleMix, type RepProfile } from './rep-profiles.js';
import { expectedWeeklyHoursPerCustomer } from './rep-workload.js';
import { buildWorld, type World } from './world.js';

const END = '2025-06-30';
const seniorOrKa = (p: RepProfile) => p.seniority === 'senior' || p.role === 'key_account';

function realCustomersByCity(world: World): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of world.plan.slots) {
    if (s.duplicateOf >= 0) continue;
    const city = world.regions[s.region]?.city ?? '';
    counts.set(city, (counts.get(city) ?? 0) + 1);
  }
  return counts;
}

function checkCoverage(world: World, profiles: readonly RepProfile[]): string[] {
  const problems: string[] = [];
  for (const region of world.regions) {
    if (!world.cities[region.cityIndex]) continue;
    const covering = profiles.filter(
      (p) => p.city === region.city && p.districts.includes(region.district.name),
    );
    const where = `${region.city}/${region.district.name}`;
    if (covering.length < 2) problems.push(`${where}: ${covering.length} reps`);
    if (!covering.some(seniorOrKa)) problems.push(`${where}: no senior or key account`);
    if (!covering.some((p) => p.skills.includes('chain'))) problems.push(`${where}: no chain skill`);
    if (!covering.some((p) => seniorOrKa(p) && p.skills.includes('chain')))
      problems.push(`${where}: no chain-capable senior`);
  }
  return problems;
}

describe('planRepProfiles (national, default options)', () => {
  const spec: GenerationSpec = { customers: 40_000, seed: 3, months: 6, end: END };
  const world = buildWorld(spec);
  const profiles = planRepProfiles(world);

  it('describes every rep of the sales force, same ids, names and teams as customer_owners uses', () => {
    expect(profiles.map((p) => p.rep)).toEqual(world.salesForce.reps);
    const ids = new Set(profiles.map((p) => p.rep.id));
    for (const slot of world.plan.slots.slice(0, 2000))
      expect(ids.has(ownershipOf(world, slot).rep.id)).toBe(true);
    for (const [c, indices] of world.salesForce.byCity.entries())
      for (const i of indices) expect(profiles[i]?.city).toBe(CITIES[c]?.name);
  });

  it('covers every district by two reps, one of them senior or key account with the chain skill', () => {
    expect(checkCoverage(world, profiles)).toEqual([]);
  });

  it('mixes roles about 10 / 60 / 30 %, ~40 % senior, key-account managers senior with the chain skill', () => {
    const share = (f: (p: RepProfile) => boolean) => profiles.filter(f).length / profiles.length;
    expect(share((p) => p.role === 'key_account')).toBeCloseTo(0.1, 1);
    expect(share((p) => p.role === 'sales')).toBeCloseTo(0.6, 1);
    expect(share((p) => p.role === 'service')).toBeCloseTo(0.3, 1);
    expect(share((p) => p.seniority === 'senior')).toBeGreaterThan(0.37);
    expect(share((p) => p.seniority === 'senior')).toBeLessThan(0.46);
    const keyAccounts = profiles.filter((p) => p.role === 'key_account');
    expect(keyAccounts.every((p) => p.seniority === 'senior' && p.skills[0] === 'chain')).toBe(true);
    const others = profiles.filter((p) => p.role !== 'key_account');
    const chain = others.filter((p) => p.skills.includes('chain')).length / others.length;
    expect(chain).toBeGreaterThan(0.22);
    expect(chain).toBeLessThan(0.4);
  });

  it('bases each rep near the centre of their home district, covering it and 1–3 neighbours first', () => {
    for (const p of profiles) {
      const city = CITIES.find((c) => c.name === p.city);
      const home = city?.districts.find((d) => d.name === p.districts[0]);
      expect(home, p.rep.id).toBeDefined();
      expect(Math.abs(p.base.lat - (home?.lat ?? 0))).toBeLessThanOrEqual(0.009);
      expect(Math.abs(p.base.lon - (home?.lon ?? 0))).toBeLessThanOrEqual(0.011);
      expect(p.districts.length).toBeGreaterThanOrEqual(2);
      expect(new Set(p.districts).size).toBe(p.districts.length);
      expect(p.districts.every((d) => city?.districts.some((x) => x.name === d))).toBe(true);
    }
    const counts = profiles.map((p) => p.districts.length);
    expect(Math.min(...counts)).toBe(2);
    expect(counts.filter((n) => n <= 4).length / counts.length).toBeGreaterThan(0.95);
  });

  it('sizes a city’s capacity at 1.2× its expected weekly workload, reps within ±20 % of the mean', () => {
    const customers = realCustomersByCity(world);
    for (const city of CITIES) {
      const reps = profiles.filter((p) => p.city === city.name);
      const total = reps.reduce((s, p) => s + p.capacity, 0);
      const expected = (customers.get(city.name) ?? 0) * expectedWeeklyHoursPerCustomer();
      expect(total / expected, city.name).toBeGreaterThan(1.19);
      expect(total / expected, city.name).toBeLessThan(1.21);
      const mean = total / reps.length;
      for (const p of reps) {
        expect(p.capacity / mean).toBeGreaterThan(0.79);
        expect(p.capacity / mean).toBeLessThan(1.21);
      }
    }
  });

  it('gives about 15 % of reps one leave of 3–10 days from 30 days before the end to 60 days after', () => {
    const onLeave = profiles.filter((p) => p.leave.length > 0);
    expect(onLeave.length / profiles.length).toBeGreaterThan(0.08);
    expect(onLeave.length / profiles.length).toBeLessThan(0.22);
    const day = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;
    for (const p of onLeave) {
      expect(p.leave).toHaveLength(1);
      const { from, to } = p.leave[0]!;
      expect(day(to) - day(from) + 1).toBeGreaterThanOrEqual(3);
      expect(day(to) - day(from) + 1).toBeLessThanOrEqual(10);
      expect(day(from)).toBeGreaterThan(day(END) - 30);
      expect(day(to)).toBeLessThanOrEqual(day(END) + 60);
    }
  });

  it('gives skills: 1–2 distinct cuisines, sometimes a language', () => {
    for (const p of profiles) {
      const rest = p.skills.filter((s) => s !== 'chain');
      expect(rest.length).toBeGreaterThanOrEqual(1);
      expect(rest.length).toBeLessThanOrEqual(3);
      expect(new Set(p.skills).size).toBe(p.skills.length);
    }
    const withLanguage = profiles.filter((p) =>
      p.skills.some((s) => ['English', '粤语', '日语'].includes(s)),
    );
    expect(withLanguage.length / profiles.length).toBeGreaterThan(0.15);
    expect(withLanguage.length / profiles.length).toBeLessThan(0.35);
  });

  it('is the same for the same spec and different for another seed', () => {
    expect(planRepProfiles(buildWorld(spec))).toEqual(profiles);
    expect(planRepProfiles(buildWorld({ ...spec, seed: 4 }))).not.toEqual(profiles);
  });
});

describe('planRepProfiles with cities and customersPerRep', () => {
  it('plans one city’s reps alone: 20,000 customers in 北京 at 200 per rep → ~98 reps', () => {
    const world = buildWorld({
      customers: 20_000,
      seed: 7,
      months: 6,
      end: END,
      cities: ['北京'],
      customersPerRep: 200,
    });
    const profiles = planRepProfiles(world);
    expect(world.plan.slots.every((s) => world.regions[s.region]?.city === '北京')).toBe(true);
    expect(profiles.length).toBeGreaterThanOrEqual(95);
    expect(profiles.length).toBeLessThanOrEqual(100);
    expect(profiles.every((p) => p.city === '北京' && p.rep.team.startsWith('北京'))).toBe(true);
    expect(checkCoverage(world, profiles)).toEqual([]);
  });

  it('keeps coverage with a single rep per city: that rep covers every district, senior with chains', () => {
    const world = buildWorld({
      customers: 300,
      seed: 2,
      months: 3,
      end: END,
      cities: ['上海', '西安'],
      customersPerRep: 200,
    });
    const profiles = planRepProfiles(world);
    expect(profiles.map((p) => p.city)).toEqual(['上海', '西安']);
    for (const p of profiles) {
      const city = CITIES.find((c) => c.name === p.city);
      expect([...p.districts].sort()).toEqual(city?.districts.map((d) => d.name).sort());
      expect(seniorOrKa(p) && p.skills.includes('chain')).toBe(true);
    }
  });
});

describe('apportion and roleMix', () => {
  it('apportions homes to districts by customers, in district order, by largest remainder', () => {
    expect(apportion(5, [10, 30, 0, 10])).toEqual([0, 1, 1, 1, 3]);
    expect(apportion(3, [0, 0, 0, 0])).toEqual([0, 1, 2]);
    expect(apportion(0, [1, 2])).toEqual([]);
  });

  it('rounds role quotas per city, sales taking the rest', () => {
    const count = (n: number) => {
      const roles = roleMix(n);
      return ['key_account', 'sales', 'service'].map((r) => roles.filter((x) => x === r).length);
    };
    expect(count(1)).toEqual([0, 1, 0]);
    expect(count(10)).toEqual([1, 6, 3]);
    expect(count(98)).toEqual([10, 59, 29]);
  });
});
