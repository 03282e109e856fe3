import type { RepRole, Seniority } from '../../contracts/allocation/roles.js';
import { distanceMetres, type LatLon } from '../cleaning/geo.js';
import type { DistrictDef } from './geography.js';

/** The parts of a generated rep that territory coverage reads and repairs. */
export interface CoverageRep {
  readonly role: RepRole;
  seniority: Seniority;
  readonly base: LatLon;
  /** Districts covered (names); the first is the home district. */
  readonly districts: string[];
  /** `chain` first when present. */
  readonly skills: string[];
}

export const CHAIN_SKILL = 'chain';

/** May own Platinum and chain accounts (allocation's rule). */
const seniorOrKeyAccount = (r: CoverageRep) => r.seniority === 'senior' || r.role === 'key_account';
/** May own chain accounts: senior or key account, with the chain skill. */
const chainCapable = (r: CoverageRep) => seniorOrKeyAccount(r) && r.skills.includes(CHAIN_SKILL);

/**
 * Makes every district of a city owned-able: covered by at least two reps (when the city has two), one of them
 * senior or key account with the `chain` skill (so that chain and Platinum accounts have an eligible owner). A
 * missing chain-capable rep is the one needing the fewest changes (take the district on, become senior, learn
 * chains), nearest first; a missing second rep is the nearest one not covering the district yet. Deterministic:
 * ties go to the lower index.
 */
export function ensureCoverage(reps: readonly CoverageRep[], districts: readonly DistrictDef[]): void {
  if (reps.length === 0) return;
  for (const d of districts) {
    const covers = (r: CoverageRep) => r.districts.includes(d.name);
    const distance = (r: CoverageRep) => distanceMetres(r.base, d);
    if (!reps.some((r) => covers(r) && chainCapable(r))) {
      const changes = (r: CoverageRep) =>
        Number(!covers(r)) + Number(!seniorOrKeyAccount(r)) + Number(!r.skills.includes(CHAIN_SKILL));
      const best = nearest(reps, (r) => changes(r) * 1e9 + distance(r));
      if (!covers(best)) best.districts.push(d.name);
      if (!seniorOrKeyAccount(best)) best.seniority = 'senior';
      if (!best.skills.includes(CHAIN_SKILL)) best.skills.unshift(CHAIN_SKILL);
    }
    while (reps.filter(covers).length < Math.min(2, reps.length)) {
      nearest(
        reps.filter((r) => !covers(r)),
        distance,
      ).districts.push(d.name);
    }
  }
}

function nearest(reps: readonly CoverageRep[], cost: (r: CoverageRep) => number): CoverageRep {
  let best: CoverageRep | undefined;
  let bestCost = Infinity;
  for (const r of reps) {
    const c = cost(r);
    if (c < bestCost) [best, bestCost] = [r, c];
  }
  if (!best) throw new Error('no rep to cover a district');
  return best;
}
