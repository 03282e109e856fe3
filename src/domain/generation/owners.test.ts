import { describe, expect, it } from 'vitest';
import { generateBatch } from './generate-batch.js';
import { CUSTOMERS_PER_REP, REPS_PER_TEAM } from './owners.js';
import { T } from './row-buffer.js';
import { buildWorld } from './world.js';

const spec = { customers: 6000, seed: 21, months: 6, end: '2025-06-30' };

function ownerRows(world: ReturnType<typeof buildWorld>) {
  const batch = generateBatch(world, 0, world.spec.customers);
  const text = Buffer.concat(batch.chunks[T.customerOwners] ?? []).toString('utf8');
  return text
    .trimEnd()
    .split('\n')
    .map((line) => {
      const [customerId, repId, repName, team, since] = line.split(',');
      return { customerId, repId, repName, team, since };
    });
}

describe('customer owners', () => {
  const world = buildWorld(spec);
  const rows = ownerRows(world);
  const bySlotId = new Map(rows.map((r) => [r.customerId, r]));

  it('assigns every account, duplicates included, to exactly one rep', () => {
    expect(rows).toHaveLength(spec.customers);
    expect(bySlotId.size).toBe(spec.customers);
    expect(world.plan.slots.every((s) => bySlotId.has(s.id))).toBe(true);
  });

  it('has about one rep per 90–150 customers, in city teams of at most six', () => {
    const { reps, byCity } = world.salesForce;
    const perRep = new Map<string, number>();
    for (const r of rows) perRep.set(r.repId ?? '', (perRep.get(r.repId ?? '') ?? 0) + 1);
    const realCustomers = world.plan.slots.filter((s) => s.duplicateOf < 0).length;
    expect(realCustomers / reps.length).toBeGreaterThan(90);
    expect(realCustomers / reps.length).toBeLessThan(150);
    expect(CUSTOMERS_PER_REP).toBe(120);
    for (const [c, indices] of byCity.entries()) {
      const city = world.regions.find((r) => r.cityIndex === c)?.city ?? '';
      for (const i of indices) expect(reps[i]?.team.startsWith(city)).toBe(true);
    }
    const teams = new Map<string, number>();
    for (const rep of reps) teams.set(rep.team, (teams.get(rep.team) ?? 0) + 1);
    for (const size of teams.values()) expect(size).toBeLessThanOrEqual(REPS_PER_TEAM);
    expect([...teams.keys()]).toContain('北京一组');
    expect(new Set(reps.map((r) => r.name)).size).toBe(reps.length);
  });

  it('keeps each account with a rep of its own city, chain branches of a city with one rep', () => {
    const repsById = new Map(world.salesForce.reps.map((r) => [r.id, r]));
    const chainReps = new Map<string, Set<string>>();
    for (const s of world.plan.slots) {
      const row = bySlotId.get(s.id);
      const city = world.regions[s.region]?.city ?? '';
      expect(repsById.get(row?.repId ?? '')?.team.startsWith(city)).toBe(true);
      if (s.brand >= 0 && s.duplicateOf < 0) {
        const key = `${s.brand}|${city}`;
        chainReps.set(key, (chainReps.get(key) ?? new Set()).add(row?.repId ?? ''));
      }
    }
    for (const reps of chainReps.values()) expect(reps.size).toBe(1);
  });

  it('keeps about nine accounts in ten with a rep covering their district, chains with a key-account or chain-capable senior', () => {
    const profileOf = new Map(world.salesForce.reps.map((r, i) => [r.id, world.repProfiles[i]]));
    const primaries = world.plan.slots.filter((s) => s.duplicateOf < 0);
    const singles = primaries.filter((s) => s.brand < 0);
    const inTerritory = singles.filter((s) => {
      const p = profileOf.get(bySlotId.get(s.id)?.repId ?? '');
      const district = world.regions[s.region]?.district.name ?? '';
      return p !== undefined && (p.districts.length === 0 || p.districts.includes(district));
    }).length;
    expect(inTerritory / singles.length).toBeGreaterThan(0.85);
    expect(inTerritory / singles.length).toBeLessThan(0.99);
    const chains = primaries.filter((s) => s.brand >= 0);
    // Key-account managers where the city has one, else chain-capable seniors; OUT_OF_TERRITORY aside.
    const withChainOwner = chains.filter((s) => {
      const p = profileOf.get(bySlotId.get(s.id)?.repId ?? '');
      return p?.role === 'key_account' || (p?.seniority === 'senior' && p.skills.includes('chain'));
    }).length;
    expect(withChainOwner / chains.length).toBeGreaterThan(0.85);
  });

  it('gives duplicate registrations the real customer’s rep or, sometimes, a colleague', () => {
    const dups = world.plan.slots.filter((s) => s.duplicateOf >= 0);
    const same = dups.filter((s) => {
      const original = world.plan.slots[s.duplicateOf];
      return bySlotId.get(s.id)?.repId === bySlotId.get(original?.id ?? '')?.repId;
    }).length;
    expect(dups.length).toBeGreaterThan(50);
    expect(same / dups.length).toBeGreaterThan(0.45);
    expect(same / dups.length).toBeLessThan(0.95);
  });

  it('dates ownership between creation and the end of the history', () => {
    for (const s of world.plan.slots) {
      const since = bySlotId.get(s.id)?.since ?? '';
      expect(since <= spec.end).toBe(true);
      expect(since >= world.days.date(s.createdDay)).toBe(true);
    }
  });

  it('is the same for the same seed, whatever the batch boundaries', () => {
    const again = buildWorld(spec);
    const first = generateBatch(again, 0, 3000);
    const second = generateBatch(again, 3000, spec.customers);
    const text = Buffer.concat([
      ...(first.chunks[T.customerOwners] ?? []),
      ...(second.chunks[T.customerOwners] ?? []),
    ]).toString('utf8');
    expect(text.trimEnd().split('\n')).toEqual(
      rows.map((r) => [r.customerId, r.repId, r.repName, r.team, r.since].join(',')),
    );
  });
});
