import type { Tier } from '../../contracts/tiering/tiers.js';
import type { AllocationCustomer, Rep } from './model.js';
import type { AllocationProblem, Candidate, ProblemCustomer, UnassignedReason } from './problem.js';

/**
 * Test fixture builder: small allocation problems written by hand, with sensible defaults for everything a test
 * does not care about. For tests only.
 */

export type TestRep = Partial<Rep>;

export interface TestCandidate {
  /** Index into `reps`. */
  readonly rep: number;
  readonly workload: number;
  /** Default 1. */
  readonly fit?: number;
  /** Default: the customer's value × fit. */
  readonly valueServed?: number;
  /** Default 0. */
  readonly travelCost?: number;
  /** Default 0. */
  readonly continuityCost?: number;
  /** Default: valueServed − travelCost − continuityCost. */
  readonly net?: number;
  readonly distanceKm?: number | null;
}

export interface TestCustomer {
  /** Default `c<index>`. */
  readonly id?: string;
  readonly value: number;
  /** Kept in the order given (the problem builder orders them best first; tests may not). */
  readonly candidates: readonly TestCandidate[];
  readonly ownerId?: string | null;
  readonly tier?: Tier | null;
  readonly chain?: boolean;
  readonly district?: string;
  /** Default 'no_owner_in_territory' when there are no candidates. */
  readonly excluded?: UnassignedReason | null;
}

export interface TestProblemSpec {
  readonly reps: readonly TestRep[];
  readonly customers: readonly TestCustomer[];
}

/** A rep with defaults: id `r<index>`, a sales senior of team T1 in 上海 with capacity 40. */
export function testRep(rep: TestRep, index: number): Rep {
  return {
    id: `r${index}`,
    name: `Rep ${index}`,
    team: 'T1',
    role: 'sales',
    seniority: 'senior',
    city: '上海',
    base: { lat: 31.23, lon: 121.47 },
    districts: [],
    capacity: 40,
    skills: [],
    leave: [],
    ...rep,
  };
}

function testCandidate(c: TestCandidate, value: number): Candidate {
  const fit = c.fit ?? 1;
  const valueServed = c.valueServed ?? value * fit;
  const travelCost = c.travelCost ?? 0;
  const continuityCost = c.continuityCost ?? 0;
  return {
    rep: c.rep,
    workload: c.workload,
    fit,
    valueServed,
    travelCost,
    continuityCost,
    net: c.net ?? valueServed - travelCost - continuityCost,
    distanceKm: c.distanceKm ?? null,
  };
}

/** `currentCandidate` is the candidate whose rep has the customer's `ownerId`, or -1. */
export function testProblem(spec: TestProblemSpec): AllocationProblem {
  const reps = spec.reps.map(testRep);
  const customers = spec.customers.map((c, index): ProblemCustomer => {
    const customer: AllocationCustomer = {
      id: c.id ?? `c${index}`,
      tier: c.tier ?? null,
      value: c.value,
      visitsPerMonth: 1,
      city: '上海',
      district: c.district ?? '黄浦区',
      location: null,
      chain: c.chain ?? false,
      cuisine: null,
      ownerId: c.ownerId ?? null,
      ownedDays: c.ownerId ? 365 : 0,
    };
    const candidates = c.candidates.map((k) => testCandidate(k, c.value));
    return {
      customer,
      candidates,
      currentCandidate: candidates.findIndex((k) => reps[k.rep]?.id === customer.ownerId),
      excluded:
        c.excluded !== undefined ? c.excluded : candidates.length === 0 ? 'no_owner_in_territory' : null,
    };
  });
  return { reps, customers };
}

/** An assignment from a plain list of candidate indexes (-1 = unassigned). */
export const testAssignment = (chosen: readonly number[]): Int32Array => Int32Array.from(chosen);

/**
 * A five-customer, three-rep problem shared by the metrics tests. With every customer on candidate 0
 * ([0, 0, 0, -1, 0]): r0 carries 11 of 10 points, r1 6 of 20, r2 nothing; c1 and c2 move, c4's owner is gone.
 */
export const sampleProblem = (): AllocationProblem =>
  testProblem({
    reps: [
      { role: 'sales', capacity: 10 },
      { role: 'service', capacity: 20, team: 'T2' },
      { role: 'key_account', capacity: 5 },
    ],
    customers: [
      {
        value: 1000,
        ownerId: 'r0',
        candidates: [
          { rep: 0, workload: 4, travelCost: 100 },
          { rep: 1, workload: 3 },
        ],
      },
      { value: 500, ownerId: 'r1', candidates: [{ rep: 0, workload: 2, fit: 0.5 }] },
      {
        value: 200,
        ownerId: 'r0',
        candidates: [{ rep: 1, workload: 6, travelCost: 30, continuityCost: 50 }],
      },
      { value: 50, candidates: [] },
      {
        value: 300,
        ownerId: 'gone',
        candidates: [
          { rep: 0, workload: 5 },
          { rep: 1, workload: 1 },
        ],
      },
    ],
  });
