import { readFileSync } from 'node:fs';
import type { AllocationCustomer, Rep } from '../../src/domain/allocation/model.js';
import type { AllocationProblem } from '../../src/domain/allocation/problem.js';

export const GAP_DIR = new URL('../fixtures/gap/', import.meta.url);

/**
 * An OR-Library generalised assignment instance (`m n`, m×n costs, m×n resource uses, m capacities) as an
 * allocation problem: agents are reps, jobs are customers, every agent a candidate with net = −cost, so maximising
 * the net minimises the instance's cost.
 */
export function orlibGapProblem(name: string): AllocationProblem {
  const nums = readFileSync(new URL(name, GAP_DIR), 'utf8').trim().split(/\s+/).map(Number);
  let p = 0;
  const next = () => nums[p++] as number;
  const m = next();
  const n = next();
  const matrix = () => Array.from({ length: m }, () => Array.from({ length: n }, next));
  const cost = matrix();
  const use = matrix();
  const capacity = Array.from({ length: m }, next);
  const reps: Rep[] = capacity.map((b, i) => ({
    id: `A${i + 1}`,
    name: `agent ${i + 1}`,
    team: 'gap',
    role: 'sales',
    seniority: 'senior',
    city: 'gap',
    base: { lat: 0, lon: 0 },
    districts: [],
    capacity: b,
    skills: [],
    leave: [],
  }));
  const customers = Array.from({ length: n }, (_, j) => {
    const customer: AllocationCustomer = {
      id: `J${j + 1}`,
      tier: null,
      value: 0,
      visitsPerMonth: 0,
      city: 'gap',
      district: 'gap',
      location: null,
      chain: false,
      cuisine: null,
      ownerId: null,
      ownedDays: 0,
    };
    const candidates = reps
      .map((_, i) => {
        const c = cost[i]?.[j] ?? 0;
        return {
          rep: i,
          valueServed: 0,
          fit: 1,
          travelCost: c,
          continuityCost: 0,
          net: -c,
          workload: use[i]?.[j] ?? 0,
          distanceKm: null,
        };
      })
      .sort((a, b) => b.net - a.net || a.rep - b.rep);
    return { customer, candidates, currentCandidate: -1, excluded: null };
  });
  return { reps, customers };
}
