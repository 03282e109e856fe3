import type { AllocationSettings } from '../../contracts/allocation/settings.js';
import { distanceMetres } from '../cleaning/geo.js';
import { continuityCost } from './continuity.js';
import { deepestReason, ineligibility } from './eligibility.js';
import { fitOf } from './fit.js';
import type { AllocationCustomer, Rep } from './model.js';
import type { AllocationProblem, Candidate, ProblemCustomer, UnassignedReason } from './problem.js';
import { weeklyWorkload, yearlyTravelCost } from './workload.js';

function repsByCity(reps: readonly Rep[]): Map<string, number[]> {
  const byCity = new Map<string, number[]>();
  reps.forEach((r, i) => {
    const list = byCity.get(r.city);
    if (list) list.push(i);
    else byCity.set(r.city, [i]);
  });
  return byCity;
}

function candidateOf(rep: Rep, index: number, c: AllocationCustomer, s: AllocationSettings): Candidate {
  const km = c.location === null ? null : distanceMetres(rep.base, c.location) / 1000;
  const fit = fitOf(rep, c, s);
  const valueServed = c.value * fit;
  const travelCost = yearlyTravelCost(c.visitsPerMonth, km, s);
  const continuity = rep.id === c.ownerId ? 0 : continuityCost(c, s);
  return {
    rep: index,
    valueServed,
    fit,
    travelCost,
    continuityCost: continuity,
    net: valueServed - travelCost - continuity,
    workload: weeklyWorkload(c.visitsPerMonth, c.tier, km, s),
    distanceKm: km,
  };
}

/**
 * The eligible reps of one customer, pruned to the `settings.candidates` nearest (the current owner is always
 * kept when eligible), best net first; or the reason there is none.
 */
function placeCustomer(
  c: AllocationCustomer,
  reps: readonly Rep[],
  cityReps: readonly number[],
  s: AllocationSettings,
): ProblemCustomer {
  const eligible: Candidate[] = [];
  const reasons: UnassignedReason[] = [];
  for (const i of cityReps) {
    const rep = reps[i] as Rep;
    const why = ineligibility(rep, c);
    if (why === null) eligible.push(candidateOf(rep, i, c, s));
    else reasons.push(why);
  }
  if (eligible.length === 0)
    return { customer: c, candidates: [], currentCandidate: -1, excluded: deepestReason(reasons) };
  const byDistance = eligible.sort((a, b) => (a.distanceKm ?? 0) - (b.distanceKm ?? 0) || a.rep - b.rep);
  const kept = byDistance.slice(0, s.candidates);
  const owner = byDistance.find((k) => reps[k.rep]?.id === c.ownerId);
  if (owner && !kept.includes(owner)) kept.push(owner);
  const candidates = kept.sort((a, b) => b.net - a.net || a.rep - b.rep);
  const currentCandidate = owner ? candidates.indexOf(owner) : -1;
  return { customer: c, candidates, currentCandidate, excluded: null };
}

/** The allocation problem: every customer's eligible, pruned candidates with their value, cost and workload. */
export function buildProblem(
  customers: readonly AllocationCustomer[],
  reps: readonly Rep[],
  settings: AllocationSettings,
): AllocationProblem {
  const byCity = repsByCity(reps);
  return {
    reps,
    customers: customers.map((c) => placeCustomer(c, reps, byCity.get(c.city) ?? [], settings)),
  };
}
