import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOCATION_SETTINGS as S } from '../../contracts/allocation/settings.js';
import { buildProblem } from './build-problem.js';
import type { AllocationCustomer } from './model.js';
import { testRep } from './test-problem.js';
import { weeklyWorkload, yearlyTravelCost } from './workload.js';

const customer = (c: Partial<AllocationCustomer>): AllocationCustomer => ({
  id: 'C1',
  tier: 'silver',
  value: 100_000,
  visitsPerMonth: 1,
  city: '上海',
  district: '黄浦区',
  location: { lat: 31.23, lon: 121.48 },
  chain: false,
  cuisine: null,
  ownerId: null,
  ownedDays: 0,
  ...c,
});

describe('buildProblem', () => {
  it('keeps only reps of the city who cover the district; empty districts cover the whole city', () => {
    const reps = [
      testRep({ id: 'A', districts: ['黄浦区'] }, 0),
      testRep({ id: 'B', districts: ['浦东新区'] }, 1),
      testRep({ id: 'C', districts: [] }, 2),
      testRep({ id: 'D', city: '北京' }, 3),
    ];
    const [pc] = buildProblem([customer({})], reps, S).customers;
    expect(pc?.candidates.map((c) => reps[c.rep]?.id).sort()).toEqual(['A', 'C']);
    const [none] = buildProblem([customer({ district: '徐汇区' })], reps.slice(0, 2), S).customers;
    expect(none?.candidates).toEqual([]);
    expect(none?.excluded).toBe('no_owner_in_territory');
  });

  it('gives Platinum and chain accounts only to senior or key-account reps, chains only to reps with the chain skill', () => {
    const reps = [
      testRep({ id: 'junior', seniority: 'junior' }, 0),
      testRep({ id: 'senior', seniority: 'senior' }, 1),
      testRep({ id: 'ka', seniority: 'junior', role: 'key_account', skills: ['chain'] }, 2),
    ];
    const ids = (c: AllocationCustomer) =>
      buildProblem([c], reps, S)
        .customers[0]?.candidates.map((k) => reps[k.rep]?.id)
        .sort();
    expect(ids(customer({ tier: 'platinum' }))).toEqual(['ka', 'senior']);
    expect(ids(customer({ chain: true }))).toEqual(['ka']);
    expect(ids(customer({ tier: 'bronze' }))).toEqual(['junior', 'ka', 'senior']);
    expect(buildProblem([customer({ chain: true })], reps.slice(0, 2), S).customers[0]?.excluded).toBe(
      'needs_chain_skill',
    );
    expect(buildProblem([customer({ tier: 'platinum' })], reps.slice(0, 1), S).customers[0]?.excluded).toBe(
      'needs_senior_or_key_account',
    );
  });

  it('prunes to the k nearest eligible reps but always keeps the current owner', () => {
    const reps = Array.from({ length: 12 }, (_, i) =>
      testRep({ id: `R${i}`, base: { lat: 31.23 + i * 0.01, lon: 121.48 } }, i),
    );
    const [pc] = buildProblem([customer({ ownerId: 'R11', ownedDays: 400 })], reps, {
      ...S,
      candidates: 3,
    }).customers;
    expect(pc?.candidates.map((c) => reps[c.rep]?.id).sort()).toEqual(['R0', 'R1', 'R11', 'R2']);
    expect(reps[pc?.candidates[pc.currentCandidate]?.rep ?? -1]?.id).toBe('R11');
  });

  it('prices a pairing: value × fit − travel − continuity, continuity only away from the owner', () => {
    const reps = [
      testRep({ id: 'owner', role: 'service', base: { lat: 31.23, lon: 121.48 } }, 0),
      testRep({ id: 'other', role: 'sales', base: { lat: 31.23, lon: 121.48 } }, 1),
    ];
    const c = customer({ ownerId: 'owner', ownedDays: 730, location: { lat: 31.23, lon: 121.48 } });
    const [pc] = buildProblem([c], reps, S).customers;
    const byId = (id: string) => pc?.candidates.find((k) => reps[k.rep]?.id === id);
    expect(byId('owner')?.continuityCost).toBe(0);
    expect(byId('owner')?.fit).toBe(1);
    expect(byId('other')?.fit).toBe(0.95);
    // Two years with the owner: the full continuity rate, plus the threshold every move must clear.
    expect(byId('other')?.continuityCost).toBeCloseTo(100_000 * 0.1 + 100, 6);
    expect(byId('other')?.net).toBeCloseTo(95_000 - (byId('other')?.travelCost ?? 0) - 10_100, 6);
    expect(pc?.candidates[0]?.rep).toBe(0);
  });
});

describe('workload and travel', () => {
  it('counts visits with the drive from the base, plus the tier’s service minutes, in hours per week', () => {
    // 10 km straight = 13 road km = 31.2 min at 25 km/h; 4 visits a month ≈ 0.923 a week.
    const hours = weeklyWorkload(4, 'platinum', 10, S);
    expect(hours).toBeCloseTo(((4 * 12) / 52) * ((40 + 31.2) / 60) + 0.5, 6);
    expect(weeklyWorkload(0, 'bronze', 10, S)).toBeCloseTo(2 / 60, 9);
    expect(weeklyWorkload(0, null, null, S)).toBeCloseTo(2 / 60, 9);
  });

  it('costs every kilometre driven to the visits of a year', () => {
    expect(yearlyTravelCost(2, 10, S)).toBeCloseTo(2 * 12 * 13 * 1.5, 9);
    expect(yearlyTravelCost(0, 10, S)).toBe(0);
  });
});
