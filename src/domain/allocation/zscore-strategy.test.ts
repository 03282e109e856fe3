import { describe, expect, it } from 'vitest';
import { evaluateAssignment } from './evaluate-assignment.js';
import { testProblem, type TestCandidate } from './test-problem.js';
import { NO_BAND, ZSCORE_BANDS, zScoreBand, zScoreStrategy } from './zscore-strategy.js';

const bandNames = (bands: Int8Array) => [...bands].map((b) => (b === NO_BAND ? null : ZSCORE_BANDS[b]?.band));

describe('zScoreBand', () => {
  it('puts z ≥ 1 in key accounts, 0 ≤ z < 1 in sales and z < 0 in service', () => {
    expect(ZSCORE_BANDS.map((b) => [b.band, b.minZ])).toEqual([
      ['key_account', 1],
      ['sales', 0],
      ['service', -Infinity],
    ]);
    expect([2, 1, 0.999, 0, -0.001, -5].map(zScoreBand)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('zScoreStrategy', () => {
  it('bands by value z-score and deals each band to the least-utilised rep of its role, highest value first', () => {
    // Candidates listed r4…r0, so candidate index = 4 − rep.
    const all: TestCandidate[] = [4, 3, 2, 1, 0].map((rep) => ({ rep, workload: 2 }));
    const problem = testProblem({
      reps: [
        { role: 'key_account', capacity: 10 },
        { role: 'sales', capacity: 10 },
        { role: 'sales', capacity: 20 },
        { role: 'service', capacity: 10 },
        { role: 'service', capacity: 5 },
      ],
      // mean 5000, sd 2000: z = −1.5, −0.5, −0.5, −0.5, 0, 0, 1, 2
      customers: [2000, 4000, 4000, 4000, 5000, 5000, 7000, 9000].map((value) => ({
        value,
        candidates: all,
      })),
    });
    const { assignment, bands, zScores } = zScoreStrategy(problem);
    expect([...zScores]).toEqual([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
    expect(bandNames(bands)).toEqual([
      'service',
      'service',
      'service',
      'service',
      'sales',
      'sales',
      'key_account',
      'key_account',
    ]);
    // c7, c6 → r0 (the only key-account rep); c4 → r1 (tie, lower index), c5 → r2 (0 < 0.2);
    // c1 → r3 (tie), c2 → r4, c3 → r3 (0.2 < 0.4), c0 → r3 (0.4 = 0.4, lower index)
    const reps = [...assignment].map((k) => 4 - k);
    expect(reps).toEqual([3, 3, 4, 3, 1, 2, 0, 0]);
    expect([...assignment]).toEqual([1, 1, 0, 1, 3, 2, 4, 4]);
  });

  it('falls back to sales for key accounts, then to any role; customers without candidates stay out', () => {
    const problem = testProblem({
      reps: [
        { role: 'key_account' },
        { role: 'sales', capacity: 10 },
        { role: 'sales', capacity: 10 },
        { role: 'service', capacity: 10 },
        { role: 'service', capacity: 5 },
      ],
      customers: [
        {
          value: 9,
          candidates: [
            { rep: 3, workload: 2 },
            { rep: 1, workload: 2 },
          ],
        },
        {
          value: 9,
          candidates: [
            { rep: 3, workload: 2 },
            { rep: 4, workload: 2 },
          ],
        },
        { value: 0, candidates: [{ rep: 1, workload: 2 }] },
        // Would drag every z-score below 0 if it counted.
        { value: 1e6, candidates: [] },
        {
          value: 0,
          candidates: [
            { rep: 3, workload: 2 },
            { rep: 4, workload: 2 },
          ],
        },
        {
          value: 0,
          candidates: [
            { rep: 3, workload: 2 },
            { rep: 4, workload: 2 },
          ],
        },
      ],
    });
    const { assignment, bands, zScores } = zScoreStrategy(problem);
    // values 9, 9, 0, 0, 0: mean 3.6, sd √19.44
    expect(zScores[0]).toBeCloseTo(5.4 / Math.sqrt(19.44), 12);
    expect(zScores[2]).toBeCloseTo(-3.6 / Math.sqrt(19.44), 12);
    expect(zScores[3]).toBeNaN();
    expect(bandNames(bands)).toEqual(['key_account', 'key_account', 'service', null, 'service', 'service']);
    // c0 → r1 (sales instead of key account); c1 → r3 (no key account or sales: any, tie); c2 → r1 (no service);
    // c4 → r4 (r3 at 0.2), c5 → r3 (0.2 < 0.4)
    expect([...assignment]).toEqual([1, 0, 0, -1, 1, 0]);
  });

  it('keeps current owners of the right role, even over capacity, and counts their books before dealing', () => {
    // All values equal: sd 0, z 0, everyone in the sales band.
    const problem = testProblem({
      reps: [
        { role: 'sales', capacity: 10 },
        { role: 'service', capacity: 10 },
        { role: 'sales', capacity: 10 },
      ],
      customers: [
        {
          value: 5,
          candidates: [
            { rep: 0, workload: 1 },
            { rep: 2, workload: 1 },
          ],
        },
        {
          value: 5,
          ownerId: 'r0',
          candidates: [
            { rep: 2, workload: 3 },
            { rep: 0, workload: 12 },
          ],
        },
        {
          value: 5,
          ownerId: 'r1',
          candidates: [
            { rep: 1, workload: 1 },
            { rep: 0, workload: 1 },
          ],
        },
        {
          value: 5,
          ownerId: 'gone',
          candidates: [
            { rep: 0, workload: 1 },
            { rep: 2, workload: 1 },
          ],
        },
      ],
    });
    const { assignment, bands } = zScoreStrategy(problem);
    expect(bandNames(bands)).toEqual(['sales', 'sales', 'sales', 'sales']);
    // c1 keeps r0 (12 of 10 points); c0 then goes to r2 although r0 comes first;
    // c2's owner r1 is service, so it goes to its only sales candidate, r0; c3 → r2 (0.1 < 1.3)
    expect([...assignment]).toEqual([1, 1, 1, 1]);
    const m = evaluateAssignment(problem, assignment);
    expect(m.overCapacityOwners).toBe(1);
    expect(m.owners.map((o) => o.workload)).toEqual([13, 0, 2]);
    expect(m.moves).toBe(1);
  });

  it('deals to reps without capacity last', () => {
    const problem = testProblem({
      reps: [{ capacity: 0 }, { capacity: 10 }],
      customers: [
        {
          value: 1,
          candidates: [
            { rep: 0, workload: 1 },
            { rep: 1, workload: 1 },
          ],
        },
      ],
    });
    expect([...zScoreStrategy(problem).assignment]).toEqual([1]);
  });

  it('leaves everyone unassigned when nobody has candidates', () => {
    const problem = testProblem({ reps: [{}], customers: [{ value: 1, candidates: [] }] });
    const { assignment, bands } = zScoreStrategy(problem);
    expect([...assignment]).toEqual([-1]);
    expect([...bands]).toEqual([NO_BAND]);
  });
});
