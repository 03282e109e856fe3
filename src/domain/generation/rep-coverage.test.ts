import { describe, expect, it } from 'vitest';
import { ensureCoverage, type CoverageRep } from './rep-coverage.js';
import { CITIES } from './geography.js';

const beijing = CITIES.find((c) => c.name === '北京')!;
const district = (name: string) => beijing.districts.find((d) => d.name === name)!;

const rep = (home: string, over: Partial<CoverageRep> = {}): CoverageRep => ({
  role: 'sales',
  seniority: 'junior',
  base: { lat: district(home).lat, lon: district(home).lon },
  districts: [home],
  skills: ['川菜'],
  ...over,
});

describe('ensureCoverage', () => {
  it('gives every district two reps and a chain-capable senior, changing as little as it can', () => {
    const reps = [
      rep('朝阳区', { seniority: 'senior', skills: ['chain', '川菜'] }),
      rep('海淀区', { seniority: 'senior' }),
      rep('东城区'),
      rep('昌平区'),
    ];
    ensureCoverage(reps, beijing.districts);
    for (const d of beijing.districts) {
      const covering = reps.filter((r) => r.districts.includes(d.name));
      expect(covering.length, d.name).toBeGreaterThanOrEqual(2);
      expect(
        covering.some((r) => r.seniority === 'senior' && r.skills.includes('chain')),
        d.name,
      ).toBe(true);
    }
    // 海淀区: its own senior learning chains and the 朝阳区 senior taking it on are one change each; the nearer wins.
    expect(reps[1]!.skills[0]).toBe('chain');
    // Nobody was promoted: two seniors were enough.
    expect(reps.filter((r) => r.seniority === 'senior')).toHaveLength(2);
  });

  it('promotes the nearest rep when a city has no senior, and counts key-account managers as senior', () => {
    const juniors = [rep('朝阳区'), rep('昌平区')];
    ensureCoverage(juniors, [district('昌平区')]);
    expect(juniors.map((r) => r.seniority)).toEqual(['junior', 'senior']);
    expect(juniors[1]!.skills).toEqual(['chain', '川菜']);
    expect(juniors[0]!.districts).toEqual(['朝阳区', '昌平区']);

    const withKa = [rep('朝阳区', { role: 'key_account', skills: ['chain'] }), rep('东城区')];
    ensureCoverage(withKa, [district('朝阳区')]);
    expect(withKa.map((r) => r.seniority)).toEqual(['junior', 'junior']);
    expect(withKa[1]!.districts).toEqual(['东城区', '朝阳区']);
  });

  it('lets a lone rep cover the whole city', () => {
    const lone = [rep('通州区')];
    ensureCoverage(lone, beijing.districts);
    expect([...lone[0]!.districts].sort()).toEqual(beijing.districts.map((d) => d.name).sort());
    expect(lone[0]!.seniority).toBe('senior');
  });
});
