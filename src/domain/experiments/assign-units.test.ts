import { describe, expect, it } from 'vitest';
import { Rng } from '../generation/prng.js';
import { assignUnits } from './assign-units.js';

/** Units with seeded uniform draws (the app draws them from a hash of the salt and the unit). */
function units(n: number, strata: number, seed = 1) {
  const rng = new Rng(seed, 0, 0, 0);
  return Array.from({ length: n }, (_, i) => ({
    unitId: `C${String(i).padStart(5, '0')}`,
    stratum: `s${i % strata}`,
    draw: rng.next(),
  }));
}

describe('assignUnits', () => {
  it('balances every stratum to within one unit per variant, by the weights', () => {
    const population = units(1003, 7);
    const assigned = assignUnits(population, [1, 1]);
    for (let s = 0; s < 7; s++) {
      const inStratum = population.filter((u) => u.stratum === `s${s}`);
      const treated = inStratum.filter((u) => assigned.get(u.unitId) === 1).length;
      expect(Math.abs(2 * treated - inStratum.length)).toBeLessThanOrEqual(1);
    }
    const uneven = assignUnits(population, [1, 3]);
    const share = [...uneven.values()].filter((v) => v === 1).length / population.length;
    expect(share).toBeCloseTo(0.75, 2);
  });

  it('depends on the draws, not on the order of the input', () => {
    const population = units(500, 3);
    const a = assignUnits(population, [1, 1, 1]);
    const b = assignUnits([...population].reverse(), [1, 1, 1]);
    expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
    const c = assignUnits(units(500, 3, 2), [1, 1, 1]);
    const same = population.filter((u) => a.get(u.unitId) === c.get(u.unitId)).length;
    // Other draws are another randomisation: about a third agree by chance.
    expect(same / population.length).toBeGreaterThan(0.25);
    expect(same / population.length).toBeLessThan(0.42);
  });

  it('randomises: arms do not follow the ids', () => {
    const population = units(2000, 1);
    const assigned = assignUnits(population, [1, 1]);
    const firstHalfTreated = population.slice(0, 1000).filter((u) => assigned.get(u.unitId) === 1).length;
    // Hypergeometric around 500 with standard deviation ≈ 11: within 5 of them.
    expect(Math.abs(firstHalfTreated - 500)).toBeLessThan(56);
    expect(() => assignUnits(units(3, 1), [1])).toThrow(/two variants/);
  });
});
