import { moments, zScore } from '../tiering/scoring/normalise.js';
import type { RepRole } from './model.js';
import type { AllocationProblem, Assignment, Candidate, ProblemCustomer } from './problem.js';

/**
 * The simple strategy of the CRM design this product follows, the baseline the optimiser is compared with:
 * customers are banded by the z-score of their value and dealt, within the band's role, to the least-utilised rep.
 */

export interface ZScoreBand {
  readonly band: 'key_account' | 'sales' | 'service';
  /** Lowest z-score of the band (inclusive); bands are tried in order. */
  readonly minZ: number;
  /** Roles that serve the band, in order of preference; any candidate when none of them is available. */
  readonly roles: readonly RepRole[];
  readonly names: { readonly zh: string; readonly en: string };
}

export const ZSCORE_BANDS: readonly ZScoreBand[] = [
  {
    band: 'key_account',
    minZ: 1,
    roles: ['key_account', 'sales'],
    names: { zh: '大客户', en: 'Key accounts' },
  },
  { band: 'sales', minZ: 0, roles: ['sales'], names: { zh: '销售', en: 'Sales' } },
  { band: 'service', minZ: -Infinity, roles: ['service'], names: { zh: '客服', en: 'Service' } },
];

/** Band of a customer without candidates. */
export const NO_BAND = -1;

/** Index into ZSCORE_BANDS of a z-score. */
export const zScoreBand = (z: number): number => ZSCORE_BANDS.findIndex((b) => z >= b.minZ);

export interface ZScoreAllocation {
  readonly assignment: Assignment;
  /** Per customer, the index into ZSCORE_BANDS, or NO_BAND when it has no candidates. */
  readonly bands: Int8Array;
  /** Per customer, the z-score of its value among customers with candidates (population sd; 0 when it is 0); NaN without candidates. */
  readonly zScores: Float64Array;
}

/** Indexes of the candidates of the band's first role that has any, or of all candidates. */
function eligibleCandidates(pc: ProblemCustomer, band: ZScoreBand, problem: AllocationProblem): number[] {
  const all = pc.candidates.map((_, k) => k);
  for (const role of band.roles) {
    const ofRole = all.filter((k) => problem.reps[(pc.candidates[k] as Candidate).rep]?.role === role);
    if (ofRole.length > 0) return ofRole;
  }
  return all;
}

/**
 * Bands customers by value z-score (over customers with candidates) and assigns them:
 * 1. a customer keeps its current owner when that owner is among the eligible candidates (no reshuffling);
 * 2. the others, in descending value (ties by customer index), go to the eligible rep with the lowest utilisation
 *    so far (workload / capacity, current books included; ties by rep index).
 * Capacity is not a constraint: overloads show in the metrics. Customers without candidates stay -1.
 */
export function zScoreStrategy(problem: AllocationProblem): ZScoreAllocation {
  const customers = problem.customers;
  const n = customers.length;
  const assignment = new Int32Array(n).fill(-1);
  const bands = new Int8Array(n).fill(NO_BAND);
  const zScores = new Float64Array(n).fill(NaN);
  const placeable = customers.flatMap((pc, i) => (pc.candidates.length > 0 ? [i] : []));
  const m = moments(placeable.map((i) => (customers[i] as ProblemCustomer).customer.value));
  if (m === null) return { assignment, bands, zScores };

  const load = new Float64Array(problem.reps.length);
  const take = (i: number, k: number) => {
    const c = (customers[i] as ProblemCustomer).candidates[k] as Candidate;
    assignment[i] = k;
    load[c.rep]! += c.workload;
  };
  const eligible = new Map<number, number[]>();
  for (const i of placeable) {
    const pc = customers[i] as ProblemCustomer;
    const z = zScore(pc.customer.value, m);
    const band = zScoreBand(z);
    zScores[i] = z;
    bands[i] = band;
    const ks = eligibleCandidates(pc, ZSCORE_BANDS[band] as ZScoreBand, problem);
    if (pc.currentCandidate >= 0 && ks.includes(pc.currentCandidate)) take(i, pc.currentCandidate);
    else eligible.set(i, ks);
  }

  const utilization = (rep: number): number => {
    const capacity = problem.reps[rep]?.capacity ?? 0;
    return capacity > 0 ? (load[rep] as number) / capacity : Infinity;
  };
  const byValue = [...eligible.keys()].sort(
    (a, b) =>
      (customers[b] as ProblemCustomer).customer.value - (customers[a] as ProblemCustomer).customer.value ||
      a - b,
  );
  for (const i of byValue) {
    const candidates = (customers[i] as ProblemCustomer).candidates;
    let best = -1;
    let bestRep = 0;
    let bestUtil = Infinity;
    for (const k of eligible.get(i) as number[]) {
      const rep = (candidates[k] as Candidate).rep;
      const u = utilization(rep);
      if (best < 0 || u < bestUtil || (u === bestUtil && rep < bestRep)) {
        best = k;
        bestRep = rep;
        bestUtil = u;
      }
    }
    take(i, best);
  }
  return { assignment, bands, zScores };
}
