import { describe, expect, it } from 'vitest';
import { testProblem } from './test-problem.js';

describe('testProblem', () => {
  it('fills defaults and derives net and the current candidate', () => {
    const p = testProblem({
      reps: [{ role: 'service' }, { id: 'x', capacity: 8 }],
      customers: [
        {
          value: 1000,
          ownerId: 'x',
          candidates: [
            { rep: 0, workload: 1, fit: 0.5, travelCost: 30, continuityCost: 70 },
            { rep: 1, workload: 2 },
          ],
        },
        { value: 10, candidates: [] },
      ],
    });
    expect(p.reps.map((r) => [r.id, r.role, r.capacity])).toEqual([
      ['r0', 'service', 40],
      ['x', 'sales', 8],
    ]);
    const [c0, c1] = p.customers;
    expect(c0?.customer.id).toBe('c0');
    expect(c0?.candidates[0]).toMatchObject({ valueServed: 500, net: 400, fit: 0.5 });
    expect(c0?.candidates[1]).toMatchObject({ valueServed: 1000, net: 1000, travelCost: 0 });
    expect(c0?.currentCandidate).toBe(1);
    expect(c0?.excluded).toBeNull();
    expect(c1?.currentCandidate).toBe(-1);
    expect(c1?.excluded).toBe('no_owner_in_territory');
  });
});
